package org.fundguard.report.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A message to the other side of a report; kept and shown as plain text. */
public record MessageRequest(@NotBlank @Size(max = 4000) String body) {
}
