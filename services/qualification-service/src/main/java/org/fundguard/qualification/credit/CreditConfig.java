package org.fundguard.qualification.credit;

import io.smallrye.config.ConfigMapping;

import java.nio.file.Path;
import java.util.Optional;

/** The credit rating's settings ({@code qualification.credit.*}); the catalogue itself is versioned configuration. */
@ConfigMapping(prefix = "qualification.credit")
public interface CreditConfig {

    /**
     * A province's own catalogue file (same format as {@code credit/credit-catalogues.json}), added to the shipped
     * default; a version in it may not repeat an id or a (region prefix, effectiveFrom) of the shipped file.
     */
    Optional<Path> catalogueFile();
}
