package org.mesadeayuda.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How an uploaded file's name is cleaned before it is kept and offered for download (SR-15). */
class FileNamesTest {

  @Test
  void onlyTheLastPartOfAPathIsKept() {
    assertThat(FileNames.clean("C:\\Users\\ana\\Documentos\\informe.pdf", 120)).isEqualTo("informe.pdf");
    assertThat(FileNames.clean("/etc/../../home/ana/foto.jpg", 120)).isEqualTo("foto.jpg");
  }

  @Test
  void controlAndInvisibleFormattingCharactersAreRemoved() {
    assertThat(FileNames.clean("\u202Efdp.exe", 120)).isEqualTo("fdp.exe");
    assertThat(FileNames.clean("acta\u0000\u0007\r\n final\u200B.pdf", 120)).isEqualTo("acta final.pdf");
  }

  @Test
  void charactersNotAllowedInFileNamesBecomeUnderscoresAndNamesAreNotHidden() {
    assertThat(FileNames.clean("¿qué* es<esto>?.pdf", 120)).isEqualTo("¿qué_ es_esto__.pdf");
    assertThat(FileNames.clean("...bashrc", 120)).isEqualTo("bashrc");
    assertThat(FileNames.clean("  informe.pdf.  ", 120)).isEqualTo("informe.pdf");
    assertThat(FileNames.clean("../..", 120)).isEqualTo(FileNames.FALLBACK);
    assertThat(FileNames.clean(null, 120)).isEqualTo(FileNames.FALLBACK);
  }

  @Test
  void longNamesAreShortenedKeepingTheExtension() {
    assertThat(FileNames.clean("x".repeat(500) + ".pdf", 120)).isEqualTo("x".repeat(116) + ".pdf");
    assertThat(FileNames.clean("ñ".repeat(200), 120)).hasSize(120);
  }

  @Test
  void aNameWithoutExtensionGetsTheOneOfItsContent() {
    assertThat(FileNames.withExtension("escaneo", FileType.JPEG, 120)).isEqualTo("escaneo.jpg");
    assertThat(FileNames.withExtension("escaneo.jpeg", FileType.JPEG, 120)).isEqualTo("escaneo.jpeg");
    assertThat(FileNames.withExtension("e".repeat(120), FileType.PDF, 120)).isEqualTo("e".repeat(116) + ".pdf");
  }
}
