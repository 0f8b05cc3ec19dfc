package io.github.springmidtrans.sample.security;

import java.net.InetAddress;
import java.net.UnknownHostException;

import io.github.springmidtrans.autoconfigure.MidtransProperties;
import io.github.springmidtrans.sample.ShopRoles;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what. Two filter chains:
 * <ul>
 * <li>the starter's REST API and Actuator: HTTP Basic with the admin login, no session
 * and so no CSRF token (a browser's session cookie never authenticates them); health is
 * open, its details only for the admin;</li>
 * <li>everything else: the shop's pages are open, the admin pages need the admin login (a
 * login form), every form carries a CSRF token, and the Midtrans notification endpoint is
 * open and exempt from CSRF: Midtrans cannot log in, and the starter verifies each
 * notification's signature and confirms it with Midtrans before anything moves.</li>
 * </ul>
 * Paths come from the starter's own properties ({@code midtrans.webhook.path},
 * {@code midtrans.web.api.base-path}) and Actuator's, so the rules follow them when they
 * change.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ShopAdminProperties.class)
class ShopSecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, MidtransProperties midtrans) throws Exception {
		RequestMatcher api = PathPatternRequestMatcher.withDefaults()
			.matcher(midtrans.getWeb().getApi().getBasePath() + "/**");
		http.securityMatcher(new OrRequestMatcher(api, EndpointRequest.toAnyEndpoint()))
			.authorizeHttpRequests((requests) -> requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
				.permitAll()
				.anyRequest()
				.hasRole(ShopRoles.ADMIN))
			.httpBasic(Customizer.withDefaults())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Stateless: only the Authorization header authenticates, which a forged
			// cross-site request cannot add.
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain shopSecurity(HttpSecurity http, MidtransProperties midtrans) throws Exception {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		RequestMatcher webhook = paths.matcher(HttpMethod.POST, midtrans.getWebhook().getPath());
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(webhook)
			.permitAll()
			.requestMatchers(paths.matcher("/admin/**"))
			.hasRole(ShopRoles.ADMIN)
			.requestMatchers(paths.matcher(HttpMethod.GET, "/"), paths.matcher("/products/**"),
					paths.matcher("/orders/**"), paths.matcher(HttpMethod.GET, "/snap/finish"),
					paths.matcher(HttpMethod.GET, "/css/**"), paths.matcher(HttpMethod.GET, "/js/**"),
					paths.matcher("/error"))
			.permitAll()
			.anyRequest()
			.hasRole(ShopRoles.ADMIN))
			.csrf((csrf) -> csrf.ignoringRequestMatchers(webhook))
			.formLogin((form) -> form.loginPage("/login").permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout").permitAll());
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService adminUser(ShopAdminProperties admin, PasswordEncoder encoder, Environment environment) {
		if (admin.isDemoPassword() && !onThisMachineOnly(environment.getProperty("server.address"))) {
			throw new IllegalStateException("The shop listens on " + environment.getProperty("server.address")
					+ " with the documented demo password: set SHOP_ADMIN_PASSWORD (shop.admin.password)"
					+ " or keep SHOP_ADDRESS on 127.0.0.1");
		}
		return new InMemoryUserDetailsManager(User.withUsername(admin.getUsername())
			.password(encoder.encode(admin.getPassword()))
			.roles(ShopRoles.ADMIN)
			.build());
	}

	private static boolean onThisMachineOnly(@Nullable String address) {
		if (address == null || address.isBlank()) {
			return false;
		}
		try {
			return InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
