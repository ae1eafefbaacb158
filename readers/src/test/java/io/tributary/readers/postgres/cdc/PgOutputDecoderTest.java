package io.tributary.readers.postgres.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The pgoutput messages as the protocol documents them, byte by byte. */
class PgOutputDecoderTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);

    private PgOutputMessage decode() {
        return PgOutputDecoder.decode(ByteBuffer.wrap(bytes.toByteArray()));
    }

    private void string(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.writeByte(0);
    }

    private void text(String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeByte('t');
        out.writeInt(b.length);
        out.write(b);
    }

    @Test
    void beginAndCommitCarryTheirPositionsAndCommitTime() throws IOException {
        out.writeByte('B');
        out.writeLong(0x1_0000_0010L);
        out.writeLong(1_000_000L);
        out.writeInt(-2); // xids are unsigned
        assertThat(decode()).isEqualTo(new PgOutputMessage.Begin(new Lsn(0x1_0000_0010L), 1_000_000L, 4_294_967_294L));

        bytes.reset();
        out.writeByte('C');
        out.writeByte(0);
        out.writeLong(10);
        out.writeLong(20);
        out.writeLong(30);
        assertThat(decode()).isEqualTo(new PgOutputMessage.Commit(new Lsn(10), new Lsn(20), 30));
    }

    @Test
    void aRelationDescribesItsColumnsAndWhichAreKeys() throws IOException {
        out.writeByte('R');
        out.writeInt(16384);
        string("");
        string("Größe");
        out.writeByte('d');
        out.writeShort(2);
        out.writeByte(1);
        string("id");
        out.writeInt(23);
        out.writeInt(-1);
        out.writeByte(0);
        string("name");
        out.writeInt(25);
        out.writeInt(-1);
        PgOutputMessage.Relation r = (PgOutputMessage.Relation) decode();
        assertThat(r.oid()).isEqualTo(16384);
        assertThat(r.namespace()).as("empty means pg_catalog").isEqualTo("pg_catalog");
        assertThat(r.name()).isEqualTo("Größe");
        assertThat(r.columns())
                .containsExactly(
                        new PgOutputMessage.Relation.Column(true, "id", 23, -1),
                        new PgOutputMessage.Relation.Column(false, "name", 25, -1));
    }

    @Test
    void tuplesTellNullsUnchangedToastAndTextApart() throws IOException {
        out.writeByte('U');
        out.writeInt(7);
        out.writeByte('K');
        out.writeShort(2);
        text("1");
        out.writeByte('n');
        out.writeByte('N');
        out.writeShort(2);
        text("2");
        out.writeByte('u');
        PgOutputMessage.Update u = (PgOutputMessage.Update) decode();
        assertThat(u.oldKind()).isEqualTo('K');
        assertThat(u.oldTuple().kinds()).containsExactly('t', 'n');
        assertThat(u.oldTuple().values()).containsExactly("1", null);
        assertThat(u.newTuple().kinds()).containsExactly('t', 'u');
        assertThat(u.newTuple().values()[0]).isEqualTo("2");
    }

    @Test
    void anUpdateWithoutOldTupleAndADeleteWithTheWholeOldRow() throws IOException {
        out.writeByte('U');
        out.writeInt(7);
        out.writeByte('N');
        out.writeShort(1);
        text("é");
        PgOutputMessage.Update u = (PgOutputMessage.Update) decode();
        assertThat(u.oldKind()).isEqualTo((char) 0);
        assertThat(u.oldTuple()).isNull();
        assertThat(u.newTuple().values()).containsExactly("é");

        bytes.reset();
        out.writeByte('D');
        out.writeInt(7);
        out.writeByte('O');
        out.writeShort(1);
        text("x");
        assertThat(((PgOutputMessage.Delete) decode()).oldKind()).isEqualTo('O');
    }

    @Test
    void aTruncateListsItsTablesAndOptions() throws IOException {
        out.writeByte('T');
        out.writeInt(2);
        out.writeByte(3);
        out.writeInt(5);
        out.writeInt(6);
        assertThat(decode()).isEqualTo(new PgOutputMessage.Truncate(java.util.List.of(5L, 6L), true, true));
    }

    @Test
    void typeOriginAndLogicalMessagesAreIgnoredAndUnknownMessagesRefused() {
        bytes.write('Y');
        assertThat(decode()).isEqualTo(new PgOutputMessage.Ignored('Y'));
        bytes.reset();
        bytes.write('S'); // a streamed transaction, which is never requested
        assertThatThrownBy(this::decode).hasMessageContaining("unknown type 'S'");
    }

    @Test
    void binaryValuesAreRefusedBecauseTheyAreNeverRequested() throws IOException {
        out.writeByte('I');
        out.writeInt(7);
        out.writeByte('N');
        out.writeShort(1);
        out.writeByte('b');
        assertThatThrownBy(this::decode).hasMessageContaining("only text values are requested");
    }
}
