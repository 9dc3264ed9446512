package org.mesadeayuda.equipment;

import org.mesadeayuda.MesaSpringTest;

/** The asset register on H2, in the application's shared test context. */
@MesaSpringTest
class AssetRegisterTest extends AssetRegisterContract {}
