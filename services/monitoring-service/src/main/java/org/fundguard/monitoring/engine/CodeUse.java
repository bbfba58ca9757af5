package org.fundguard.monitoring.engine;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One paid (net of refunds) use of a national code by a patient: the visit, the fee date and time, and the quantity.
 *
 * @param mdtrtId        the visit
 * @param visitBegntime  the visit's begntime (for visit order)
 * @param feeEpochDay    the fee date as an epoch day
 * @param feeTime        the fee time (the visit's begntime when the line has none)
 * @param cnt            the quantity paid, net of the visit's refunds
 */
public record CodeUse(String mdtrtId, LocalDateTime visitBegntime, long feeEpochDay, LocalDateTime feeTime, BigDecimal cnt) {
}
