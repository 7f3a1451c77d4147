package org.loginservice.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /demo}: a page that walks the whole API from a browser and shows each request
 * and answer, in plain HTML and JavaScript served from {@code /demo/**} (no build step,
 * nothing from elsewhere).
 */
@Controller
class DemoController {

	@GetMapping("/demo")
	String demo() {
		return "forward:/demo/index.html";
	}

}
