package org.fundguard.monitoring.knowledge;

import java.util.List;

/**
 * The outcome of importing one knowledge-point file: the good rows are kept, the bad ones listed with row, field and reason.
 *
 * @param source   file or resource name
 * @param rowsRead data rows read (blank lines not counted)
 * @param accepted knowledge points built from the good rows, in file order
 * @param errors   every problem found; a refused row may have several
 */
public record ImportReport(String source, int rowsRead, List<KnowledgePoint> accepted, List<RowError> errors) {

    public ImportReport {
        accepted = List.copyOf(accepted);
        errors = List.copyOf(errors);
    }

    /** Number of data rows refused. */
    public long rowsRefused() {
        return errors.stream().filter(e -> e.row() > 0).mapToInt(RowError::row).distinct().count();
    }

    public boolean clean() {
        return errors.isEmpty();
    }
}
