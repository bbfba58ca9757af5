package org.fundguard.report;

import org.fundguard.testsupport.TestDatabases;

import java.util.List;
import java.util.Map;

/** Looks at the service's real tables, as an auditor with database access would. */
final class Db {

    private static final String DATABASE = "test_reports_service";

    private Db() {
    }

    static List<Map<String, Object>> query(String sql, Object... args) {
        return TestDatabases.query(DATABASE, sql, args);
    }

    static long count(String sql, Object... args) {
        return TestDatabases.count(DATABASE, sql, args);
    }

    static String idOfReceipt(String receiptCode) {
        return query("SELECT id::text AS id FROM report WHERE receipt_code = ?", receiptCode).get(0).get("id").toString();
    }
}
