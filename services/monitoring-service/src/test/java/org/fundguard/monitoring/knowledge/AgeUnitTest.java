package org.fundguard.monitoring.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgeUnitTest {

    @ParameterizedTest(name = "born {0}, on {1}: {3} {2}")
    @CsvSource({
            // the birthday itself counts as reached
            "2007-03-15, 2025-03-14, YEAR, 17",
            "2007-03-15, 2025-03-15, YEAR, 18",
            "2007-03-15, 2025-03-16, YEAR, 18",
            // born on 29 February: the new year is reached on 1 March in a common year
            "2008-02-29, 2025-02-28, YEAR, 16",
            "2008-02-29, 2025-03-01, YEAR, 17",
            "2008-02-29, 2024-02-29, YEAR, 16",
            // months and days (新生儿: day of birth = day 0)
            "2025-01-31, 2025-02-28, MONTH, 0",
            "2025-01-15, 2025-02-15, MONTH, 1",
            "2025-03-01, 2025-03-01, DAY, 0",
            "2025-03-01, 2025-03-29, DAY, 28",
            "2025-03-01, 2025-03-30, DAY, 29",
    })
    void countsCompletedUnits(LocalDate born, LocalDate on, AgeUnit unit, long expected) {
        assertThat(unit.ageAt(born, on)).isEqualTo(expected);
    }
}
