/**
 * The rule engine: compiles enabled rule classes and a knowledge-base snapshot into a {@link
 * org.fundguard.monitoring.engine.RuleSet}, screens visits with {@link org.fundguard.monitoring.engine.RuleEngine}
 * and whole datasets with {@link org.fundguard.monitoring.engine.BatchScreener}.
 *
 * <p>Cross-claim rules read a {@link org.fundguard.monitoring.engine.CrossClaimContext}: patient history (分解住院,
 * 频繁就诊, 限支付疗程), the traceability-code index (回流药), the death registry and the practitioners' qualification
 * replica. Every check is driven by knowledge points; no code list lives in this package.
 */
package org.fundguard.monitoring.engine;
