package io.tributary.server.store.migration;

import io.tributary.schedules.QuartzSchema;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Quartz's job store tables, from the DDL that ships with Quartz (never its DROP lines). */
public class V2__QuartzTables extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        QuartzSchema.create(context.getConnection());
    }
}
