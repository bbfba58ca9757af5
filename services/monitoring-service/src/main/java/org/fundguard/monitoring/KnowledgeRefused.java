package org.fundguard.monitoring;

import org.fundguard.kit.problem.DomainException;
import org.fundguard.kit.problem.Problem;

import java.util.List;

/** A knowledge file or edit that cannot be taken at all (400), with each field at fault; nothing was written. */
public class KnowledgeRefused extends DomainException {

    private final List<Problem.FieldError> errors;

    public KnowledgeRefused(String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Bad Request";
    }

    @Override
    public List<Problem.FieldError> errors() {
        return errors;
    }
}
