package org.fundguard.monitoring.check;

import org.fundguard.kit.problem.DomainException;
import org.fundguard.kit.problem.Problem;

import java.util.List;

/** A 3101/3102/3103 message with bad fields (400), each named by its path in the message. */
public class CheckRefused extends DomainException {

    private final List<Problem.FieldError> errors;

    public CheckRefused(List<Problem.FieldError> errors) {
        super(errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.");
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
