package hello;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** GET / says Hello World!, and nothing else: what Spring Boot's web starter costs alone. */
@SpringBootApplication
@RestController
public class HelloApplication {

	@GetMapping("/")
	String hello() {
		return "Hello World!";
	}

	public static void main(String[] args) {
		SpringApplication.run(HelloApplication.class, args);
	}

}
