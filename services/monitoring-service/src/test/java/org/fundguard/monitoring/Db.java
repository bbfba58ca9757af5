package org.fundguard.monitoring;

import org.fundguard.testsupport.TestDatabases;

import java.util.List;
import java.util.Map;

/** Looks at the service's real tables, as an auditor with database access would. */
public final class Db {

    private static final String DATABASE = "test_monitoring_service";

    private Db() {
    }

    public static List<Map<String, Object>> query(String sql, Object... args) {
        return TestDatabases.query(DATABASE, sql, args);
    }

    public static long count(String sql, Object... args) {
        return TestDatabases.count(DATABASE, sql, args);
    }
}
