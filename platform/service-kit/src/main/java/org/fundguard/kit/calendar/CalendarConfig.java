package org.fundguard.kit.calendar;

import io.smallrye.config.ConfigMapping;

import java.nio.file.Path;
import java.util.Optional;

/** The working-day calendar's settings, under {@code fundguard.calendar}. */
@ConfigMapping(prefix = "fundguard.calendar")
public interface CalendarConfig {

    /**
     * A directory of extra holiday files ({@code *.json}, same format as the kit's {@code calendar/cn-<year>.json}):
     * a year found there replaces the kit's, so a province adds next year's notice without a release.
     */
    Optional<Path> directory();
}
