package org.loginservice.web;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tutorial's greeting, kept so that its first request still works. */
@RestController
class HelloController {

	@GetMapping(path = "/", produces = MediaType.TEXT_PLAIN_VALUE)
	String hello() {
		return "Hello World!";
	}

}
