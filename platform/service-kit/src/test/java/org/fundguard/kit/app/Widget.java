package org.fundguard.kit.app;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.util.UUID;

/** The test application's aggregate. */
@Entity
public class Widget extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    public String region;
}
