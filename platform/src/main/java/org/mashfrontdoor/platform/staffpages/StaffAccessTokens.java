package org.mashfrontdoor.platform.staffpages;

import java.util.Optional;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * The access token a signed-in member of staff got at sign-in, for a page to call another service's API as that
 * person (their roles, their name on what they do), never as the service.
 */
@FunctionalInterface
public interface StaffAccessTokens {

  /** The staff member's access token; empty if they are not signed in here (or their refresh was refused). */
  Optional<String> of(String staffId);

  /**
   * From the sign-ins this service keeps, refreshed when expired. Works off the request thread too (a live
   * stream), since authorised clients are kept by staff id, not in the session.
   */
  static StaffAccessTokens fromSignIns(ClientRegistrationRepository registrations,
      OAuth2AuthorizedClientService clients) {
    AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
        new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clients);
    manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
        .authorizationCode().refreshToken().build());
    return staffId -> {
      try {
        OAuth2AuthorizedClient client = manager.authorize(OAuth2AuthorizeRequest
            .withClientRegistrationId(StaffPagesAutoConfiguration.REGISTRATION).principal(staffId).build());
        return Optional.ofNullable(client).map(c -> c.getAccessToken().getTokenValue());
      } catch (RuntimeException refused) {
        // Never signed in here, or a refresh the provider refused (signed out there, restarted): sign in again.
        return Optional.empty();
      }
    };
  }
}
