package org.fundguard.qualification.credit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The catalogues in force, loaded and checked once at start: a bad file stops the service. */
@ApplicationScoped
public class CatalogueProducer {

    @Produces
    @ApplicationScoped
    CreditCatalogues catalogues(CreditConfig config) {
        return config.catalogueFile().map(CreditCatalogues::loadWith).orElseGet(CreditCatalogues::loadDefault);
    }
}
