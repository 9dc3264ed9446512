package org.mesadeayuda.support;

import org.mesadeayuda.MesaSpringTest;

/** The monthly indicators on H2, in the application's shared test context. */
@MesaSpringTest
class MonthlyIndicatorsTest extends MonthlyIndicatorsContract {
}
