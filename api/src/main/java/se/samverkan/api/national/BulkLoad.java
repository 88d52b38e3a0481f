package se.samverkan.api.national;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A bulk load the way pg_restore does one: the foreign keys and secondary indexes of the tables loaded are dropped
 * first and made again from their own definitions afterwards — building an index once is faster than keeping it up
 * row by row, and adding a foreign key checks every row loaded in one join, so the data that ends up in the database
 * meets every constraint of the migrations. Primary keys, unique and check constraints stay and are checked row by
 * row. Runs inside the caller's transaction: a load that fails leaves the schema as it was.
 */
final class BulkLoad {

    /** A constraint or index to make again: its name, table and the SQL that makes it. */
    record Definition(String name, String table, String sql) {
    }

    final List<Definition> indexes = new ArrayList<>();
    final List<Definition> foreignKeys = new ArrayList<>();

    private BulkLoad() {
    }

    /** Drops the foreign keys declared on the tables and their indexes that back no constraint; remembers both. */
    static BulkLoad prepare(Connection c, List<String> tables) throws SQLException {
        BulkLoad load = new BulkLoad();
        String[] names = tables.toArray(String[]::new);
        try (PreparedStatement p = c.prepareStatement("""
                SELECT con.conname, rel.relname, pg_get_constraintdef(con.oid)
                FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid
                JOIN pg_namespace ns ON ns.oid = rel.relnamespace
                WHERE con.contype = 'f' AND ns.nspname = current_schema() AND rel.relname = ANY(?)
                ORDER BY rel.relname, con.conname""")) {
            p.setArray(1, c.createArrayOf("text", names));
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    load.foreignKeys.add(new Definition(r.getString(1), r.getString(2),
                            "ALTER TABLE " + r.getString(2) + " ADD CONSTRAINT " + r.getString(1) + " " + r.getString(3)));
                }
            }
        }
        try (PreparedStatement p = c.prepareStatement("""
                SELECT ix.relname, rel.relname, pg_get_indexdef(i.indexrelid)
                FROM pg_index i JOIN pg_class ix ON ix.oid = i.indexrelid JOIN pg_class rel ON rel.oid = i.indrelid
                JOIN pg_namespace ns ON ns.oid = rel.relnamespace
                WHERE ns.nspname = current_schema() AND rel.relname = ANY(?)
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid)
                ORDER BY rel.relname, ix.relname""")) {
            p.setArray(1, c.createArrayOf("text", names));
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    load.indexes.add(new Definition(r.getString(1), r.getString(2), r.getString(3)));
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (Definition fk : load.foreignKeys) {
                s.execute("ALTER TABLE " + fk.table() + " DROP CONSTRAINT " + fk.name());
            }
            for (Definition index : load.indexes) {
                s.execute("DROP INDEX " + index.name());
            }
        }
        return load;
    }
}
