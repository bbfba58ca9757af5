/**
 * The knowledge base (知识库): rule classes of the national catalogue, knowledge points with their parameters, versions,
 * effective dates and regional scope, an index answering which point is in force for a code, date and region
 * (city > province > national), and an importer for CSV and JSON files with a per-row report.
 */
package org.fundguard.monitoring.knowledge;
