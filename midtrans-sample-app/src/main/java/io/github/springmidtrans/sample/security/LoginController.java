package io.github.springmidtrans.sample.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page; Spring Security checks the form it posts.
 */
@Controller
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

}
