package io.github.springmidtrans.docs;

import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

// The Spring Security samples of docs/rest-api.md and docs/webhooks.md, exactly as shown
// there, kept compiling against Spring Security.

class ApiSecuritySample {

	@Bean
	SecurityFilterChain security(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/midtrans/api/**")
			.hasRole("PAYMENT_ADMIN")
			.requestMatchers("/midtrans/notification")
			.permitAll()
			.anyRequest()
			.authenticated())
			.httpBasic(Customizer.withDefaults())
			// The API is called by programs with credentials, not by browsers with a
			// session
			// cookie; keep CSRF protection on if browsers call it with cookies.
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/midtrans/api/**", "/midtrans/notification"));
		return http.build();
	}

}

class NotificationSecuritySample {

	SecurityFilterChain notifications(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/midtrans/notification").permitAll())
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/midtrans/notification"));
		return http.build();
	}

}
