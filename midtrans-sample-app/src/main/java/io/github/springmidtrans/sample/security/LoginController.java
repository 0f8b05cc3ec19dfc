package io.github.springmidtrans.sample.security;

import java.security.Principal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The login page (Spring Security checks the form it posts), and the signed-in user's
 * name for every page's header.
 */
@Controller
@ControllerAdvice
class LoginController {

	private final ShopAdminProperties admin;

	LoginController(ShopAdminProperties admin) {
		this.admin = admin;
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("adminUsername", this.admin.getUsername());
		model.addAttribute("demoPassword", this.admin.isDemoPassword());
		return "login";
	}

	@ModelAttribute("signedIn")
	@Nullable String signedIn(@Nullable Principal principal) {
		return (principal != null) ? principal.getName() : null;
	}

}
