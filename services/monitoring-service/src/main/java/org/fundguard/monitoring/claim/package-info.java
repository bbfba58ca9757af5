/**
 * The claim model screened by the rule engine: a visit (就诊, {@code mdtrt_id}) with its diagnoses, its fee lines
 * (费用明细, {@code feedetl_sn}) and its settlements (结算, {@code setl_id}), named after the national interface fields.
 *
 * <p>Records are immutable; JSON uses the national snake_case names (with the warehouse-dialect names as aliases).
 * Money and quantities are exact {@link java.math.BigDecimal}s; code fields stay strings (leading zeros matter).
 */
package org.fundguard.monitoring.claim;
