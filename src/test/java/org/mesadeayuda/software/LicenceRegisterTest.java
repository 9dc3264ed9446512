package org.mesadeayuda.software;

import org.mesadeayuda.MesaSpringTest;

/** The licence register on H2, in the application's shared test context. */
@MesaSpringTest
class LicenceRegisterTest extends LicenceRegisterContract {}
