package org.fundguard.qualification.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.fundguard.kit.consumer.PoisonMessageException;
import org.fundguard.qualification.lookup.SettlementLookup.Basis;
import org.fundguard.qualification.lookup.SettlementLookup.EmergencyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The look-up's as-of rules, from events to answers, without Quarkus, Kafka or a database. */
class SanctionTimelineTest {

    private static final String DOCTOR = "D341102000123";
    private static final UUID DECISION = UUID.fromString("7d1e4c2a-5b3f-4e8a-9c6d-1a2b3c4d5e6f");
    private static final UUID LATER = UUID.fromString("8e2f5d3b-6c4a-4f9b-8d7e-2b3c4d5e6f70");

    private final SanctionRegister register = new SanctionRegister();
    private final SettlementLookup lookup = new SettlementLookup(register, () -> List.of("13", "24"));

    private static String suspended(String code, String from, String until) {
        return "{\"practitionerCode\":\"" + code + "\",\"personType\":\"DOCTOR\",\"region\":\"341100\","
                + "\"institutionCode\":\"H34110200001\",\"yearPoints\":10,\"from\":\"" + from + "\",\"until\":\"" + until
                + "\",\"decisionId\":\"" + DECISION + "\",\"at\":\"2027-02-20T02:15:00Z\"}";
    }

    private static String terminated(String code, String from) {
        return "{\"practitionerCode\":\"" + code + "\",\"personType\":\"DOCTOR\",\"region\":\"341100\","
                + "\"institutionCode\":\"H34110200001\",\"yearPoints\":12,\"from\":\"" + from
                + "\",\"reRegistrationBarredUntil\":\"2030-08-31\",\"decisionId\":\"" + LATER + "\",\"at\":\"2027-08-20T02:15:00Z\"}";
    }

    private static String restored(String code, String from) {
        return "{\"practitionerCode\":\"" + code + "\",\"personType\":\"DOCTOR\",\"region\":\"341100\",\"from\":\"" + from
                + "\",\"reason\":\"APPEAL_UPHELD\",\"at\":\"2027-04-01T02:00:00Z\"}";
    }

    private SettlementLookup.Answer on(String date) {
        return lookup.answer(DOCTOR, LocalDate.parse(date), null);
    }

    @ParameterizedTest(name = "suspended 03-01..06-30: {0} may bill {1}")
    @CsvSource({"2027-02-28, true", "2027-03-01, false", "2027-06-30, false", "2027-07-01, true"})
    void aSuspensionBarsFromItsFirstToItsLastDayInclusive(String date, boolean mayBill) {
        register.apply(LookupEvents.Suspended.TYPE, "e1", suspended(DOCTOR, "2027-03-01", "2027-06-30"));

        assertThat(on(date).mayBill()).isEqualTo(mayBill);
    }

    @Test
    void aBarredAnswerSaysWhyUntilWhenAndOnWhichDecision() {
        register.apply(LookupEvents.Suspended.TYPE, "e1", suspended(DOCTOR, "2027-03-01", "2027-06-30"));

        SettlementLookup.Answer a = on("2027-04-15");

        assertThat(a.basis()).isEqualTo(Basis.SUSPENDED);
        assertThat(a.decisionId()).isEqualTo(DECISION);
        assertThat(a.barredFrom()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(a.barredUntil()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(a.emergencyException()).isEqualTo(EmergencyException.AVAILABLE);
        assertThat(a.sanctionKnown()).isTrue();
    }

    @ParameterizedTest(name = "med_type {0} on a suspended day: may bill {1}, exception {2}")
    @CsvSource({"13, true, APPLIES", "1301, true, APPLIES", "24, true, APPLIES", "11, false, NOT_APPLICABLE",
            "21, false, NOT_APPLICABLE"})
    void emergencyAndRescueVisitsStayPayable(String medType, boolean mayBill, EmergencyException exception) {
        register.apply(LookupEvents.Suspended.TYPE, "e1", suspended(DOCTOR, "2027-03-01", "2027-06-30"));

        SettlementLookup.Answer a = lookup.answer(DOCTOR, LocalDate.of(2027, 3, 10), medType);

        assertThat(a.mayBill()).isEqualTo(mayBill);
        assertThat(a.emergencyException()).isEqualTo(exception);
        assertThat(a.basis()).isEqualTo(Basis.SUSPENDED);
    }

    @Test
    void anUnknownCodeMayBillAndTheAnswerSaysNoSanctionIsKnown() {
        SettlementLookup.Answer a = lookup.answer("D999999999999", LocalDate.of(2027, 3, 10), "11");

        assertThat(a.mayBill()).isTrue();
        assertThat(a.basis()).isEqualTo(Basis.NONE);
        assertThat(a.sanctionKnown()).isFalse();
        assertThat(a.note()).isEqualTo("no sanction known for this code");
        assertThat(a.emergencyException()).isEqualTo(EmergencyException.NOT_APPLICABLE);
    }

    @ParameterizedTest(name = "terminated from 09-01: {0} may bill {1}")
    @CsvSource({"2027-08-31, true", "2027-09-01, false", "2035-01-01, false"})
    void aTerminationRunsUntilARestoration(String date, boolean mayBill) {
        register.apply(LookupEvents.Terminated.TYPE, "t1", terminated(DOCTOR, "2027-09-01"));

        assertThat(on(date).mayBill()).isEqualTo(mayBill);
        if (!mayBill) {
            assertThat(on(date).basis()).isEqualTo(Basis.TERMINATED);
            assertThat(on(date).barredUntil()).isNull();
            assertThat(on(date).reRegistrationBarredUntil()).isEqualTo(LocalDate.of(2030, 8, 31));
        }
    }

    @Test
    void aTerminationWinsOverASuspensionOnTheSameDay() {
        register.apply(LookupEvents.Suspended.TYPE, "e1", suspended(DOCTOR, "2027-03-01", "2027-06-30"));
        register.apply(LookupEvents.Terminated.TYPE, "t1", terminated(DOCTOR, "2027-05-01"));

        assertThat(on("2027-04-30").basis()).isEqualTo(Basis.SUSPENDED);
        assertThat(on("2027-05-01").basis()).isEqualTo(Basis.TERMINATED);
        assertThat(on("2027-05-01").decisionId()).isEqualTo(LATER);
    }

    @ParameterizedTest(name = "suspended 03-01..06-30, restored from 04-01: {0} may bill {1}")
    @CsvSource({"2027-03-01, false", "2027-03-31, false", "2027-04-01, true", "2027-06-30, true"})
    void aRestorationEndsTheSuspensionTheDayBefore(String date, boolean mayBill) {
        register.apply(LookupEvents.Suspended.TYPE, "e1", suspended(DOCTOR, "2027-03-01", "2027-06-30"));
        register.apply(LookupEvents.Restored.TYPE, "r1", restored(DOCTOR, "2027-04-01"));

        assertThat(on(date).mayBill()).isEqualTo(mayBill);
    }

    @Test
    void aRestorationBeforeASanctionBeganDropsIt() {
        register.apply(LookupEvents.Suspended.TYPE, "e1", suspended(DOCTOR, "2027-03-01", "2027-06-30"));
        register.apply(LookupEvents.Restored.TYPE, "r1", restored(DOCTOR, "2027-02-15"));

        assertThat(on("2027-03-15").mayBill()).isTrue();
        assertThat(register.timeline(DOCTOR).sanctions()).isEmpty();
    }

    @Test
    void anEventDeliveredAgainAfterLaterOnesChangesNothing() {
        register.apply(LookupEvents.Suspended.TYPE, "e1", suspended(DOCTOR, "2027-03-01", "2027-06-30"));
        register.apply(LookupEvents.Restored.TYPE, "r1", restored(DOCTOR, "2027-04-01"));

        // the relay's failed pass publishes again from its first event
        assertThat(register.apply(LookupEvents.Suspended.TYPE, "e1", suspended(DOCTOR, "2027-03-01", "2027-06-30")))
                .isFalse();

        assertThat(on("2027-05-01").mayBill()).isTrue();
    }

    @Test
    void unknownFieldsAreIgnoredAndOtherEventTypesSkipped() {
        String withMore = suspended(DOCTOR, "2027-03-01", "2027-06-30").replace("{", "{\"channel\":\"SMS\",\"extra\":{\"a\":1},");

        assertThat(register.apply(LookupEvents.Suspended.TYPE, "e1", withMore)).isTrue();
        assertThat(register.apply("points.proposed.v1", "p1", "{\"whatever\":true}")).isFalse();
        assertThat(on("2027-03-01").mayBill()).isFalse();
    }

    @Test
    void anEventMissingARequiredFieldIsRefusedNamingItAndMayComeAgainFixed() {
        String noUntil = suspended(DOCTOR, "2027-03-01", "2027-06-30").replace(",\"until\":\"2027-06-30\"", "");

        assertThatThrownBy(() -> register.apply(LookupEvents.Suspended.TYPE, "e1", noUntil))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("until");
        assertThat(register.timeline(DOCTOR).known()).isFalse();
        assertThat(register.apply(LookupEvents.Suspended.TYPE, "e1", suspended(DOCTOR, "2027-03-01", "2027-06-30"))).isTrue();
    }

    @Test
    void theSamePeriodTwiceUnderTwoIdsIsOnePeriod() {
        register.apply(LookupEvents.Suspended.TYPE, "e1", suspended(DOCTOR, "2027-03-01", "2027-06-30"));
        register.apply(LookupEvents.Suspended.TYPE, "e2", suspended(DOCTOR, "2027-03-01", "2027-06-30"));

        assertThat(register.timeline(DOCTOR).sanctions()).hasSize(1);
    }
}
