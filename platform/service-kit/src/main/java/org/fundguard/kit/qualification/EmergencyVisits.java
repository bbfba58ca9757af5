package org.fundguard.kit.qualification;

import io.smallrye.config.ConfigMapping;

import java.util.List;

/**
 * Which visits count as emergency and rescue (急救、抢救), which stay payable while a practitioner's payment
 * qualification is suspended or terminated (医保发〔2024〕23号): ONE list, read by qualification-service's look-up at
 * settlement and by monitoring-service's barred-practitioner rule, so both answer alike. Entries are national
 * {@code med_type} (医疗类别) codes or prefixes of them (provincial subcodes such as {@code 1301} are matched by their
 * base code); the default, in the kit's {@code META-INF/microprofile-config.properties}, is 13 急诊 and 24 急诊转住院.
 */
@ConfigMapping(prefix = "fundguard.emergency")
public interface EmergencyVisits {

    /** {@code med_type} codes (or prefixes) of emergency and rescue visits. */
    List<String> medTypes();

    /** Whether {@code medType} is one of {@code medTypes} or a subcode of one (prefix match); false for null. */
    static boolean covers(List<String> medTypes, String medType) {
        if (medType == null || medType.isEmpty()) {
            return false;
        }
        for (int i = 0, n = medTypes.size(); i < n; i++) {
            if (medType.startsWith(medTypes.get(i))) {
                return true;
            }
        }
        return false;
    }
}
