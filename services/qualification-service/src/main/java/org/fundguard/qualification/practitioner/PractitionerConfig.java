package org.fundguard.qualification.practitioner;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the practitioner files ({@code qualification.practitioner.*}). */
@ConfigMapping(prefix = "qualification.practitioner")
public interface PractitionerConfig {

    /** Most data rows one register file may hold; a longer file is refused (400, field {@code file}). */
    @WithDefault("20000")
    int maxImportRows();
}
