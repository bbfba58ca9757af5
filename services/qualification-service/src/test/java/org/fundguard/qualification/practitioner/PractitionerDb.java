package org.fundguard.qualification.practitioner;

import org.fundguard.testsupport.TestDatabases;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** The service's real tables, as an auditor with database access would see them; and fresh codes for each test. */
final class PractitionerDb {

    static final String DATABASE = "test_qualification_service";

    private PractitionerDb() {
    }

    static List<Map<String, Object>> query(String sql, Object... args) {
        return TestDatabases.query(DATABASE, sql, args);
    }

    static long count(String sql, Object... args) {
        return TestDatabases.count(DATABASE, sql, args);
    }

    /** Six random digits for a code no other test uses (the demo register's sequence numbers stay below 900100). */
    static String seq() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    }
}
