package org.mesadeayuda;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring configuration every Spring test uses, so the whole suite starts the application once: real HTTP port,
 * in-memory H2, GreenMail as the mail server, job executor off (tests execute jobs themselves).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public @interface MesaSpringTest {
  String ADMIN = "admin";
  String ADMIN_PASSWORD = "test-admin-secret";
}
