package org.mesadeayuda.report;

import org.mesadeayuda.MesaSpringTest;

/** The monthly report's figures and register on H2, in the application's context. */
@MesaSpringTest
class MonthlyReportTest extends MonthlyReportContract {}
