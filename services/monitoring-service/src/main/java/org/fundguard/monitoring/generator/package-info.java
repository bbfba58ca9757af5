/**
 * Seeded synthetic claims for tests, demos and benchmarks: {@link org.fundguard.monitoring.generator.ClaimGenerator}
 * streams realistic visits of Anhui patients (滁州 341100, 淮北 340600, 合肥 340100) screened against the demo knowledge
 * base ({@code knowledge/demo-knowledge.json}), injects known violations of every implemented rule class at a
 * configurable rate and records each one in a {@link org.fundguard.monitoring.generator.Manifest}; the writers emit the
 * two ingest dialects (JSON lines, warehouse CSV) and {@link org.fundguard.monitoring.generator.GeneratorMain} is the
 * command line.
 *
 * <p>Clean claims are kept clean on purpose: every fee line is checked against the knowledge points in force for its
 * code, date and region before it is added, patients' visits are spaced so that no frequency or readmission window is
 * crossed, traceability codes come from one counter, nobody is billed after their registered death and barred
 * practitioners bill only in emergencies (which the rule exempts).
 */
package org.fundguard.monitoring.generator;
