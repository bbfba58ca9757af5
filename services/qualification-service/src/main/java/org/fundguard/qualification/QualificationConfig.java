package org.fundguard.qualification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What a province may set differently (application.properties or {@code QUALIFICATION_*} environment variables).
 * Tables a province versions (points bands, suspension suggestions, the credit catalogue) are versioned
 * configuration files of their features, not keys here. Working days come from the kit's {@code WorkingDayCalendar}.
 */
@ConfigMapping(prefix = "qualification")
public interface QualificationConfig {

    /** Seed the demo register, decisions and grades at start ({@code FUNDGUARD_DEMO_DATA=true} in the dev stack). */
    @WithDefault("false")
    boolean demoData();
}
