package io.tributary.readers.postgres.cdc;

import org.springframework.batch.infrastructure.item.ItemStreamException;

/**
 * The changes after a connection's saved WAL position can no longer be read: the replication slot
 * is gone, was invalidated, or was moved past that position by someone else. CDC then fails and says
 * so; it never re-snapshots on its own, because that would hide the gap.
 */
public class CdcPositionLostException extends ItemStreamException {

    public CdcPositionLostException(String message) {
        super(message);
    }
}
