package io.github.springmidtrans.sample.security;

import java.security.Principal;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The signed-in user's name for every page's header, where the sign-out button sits.
 */
@ControllerAdvice
class SignedInUser {

	@ModelAttribute("signedIn")
	@Nullable String signedIn(@Nullable Principal principal) {
		return (principal != null) ? principal.getName() : null;
	}

}
