package org.mashfrontdoor.localauth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in form in the plain style of GOV.UK pages (no assets to fetch: the stack is offline-friendly). Spring
 * Security's form login handles the POST: fields {@code username}, {@code password} and the CSRF token.
 */
@Controller
class SignInPage {

  @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
  @ResponseBody
  String signIn(HttpServletRequest request) {
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    String message = "";
    if (request.getParameter("error") != null) {
      message = """
          <div class="error" role="alert"><h2>There is a problem</h2>
          <p>The username or password is not right. On the local stack the username is a caller id from
          deploy/local/partners.json (for example <code>ops</code>) and the password is <code>local-only</code>.</p></div>
          """;
    } else if (request.getParameter("logout") != null) {
      message = "<div class=\"notice\" role=\"status\"><p>You have signed out.</p></div>";
    }
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Sign in - MASH Front Door (local)</title>
        <style>
          body { margin: 0; font-family: Arial, sans-serif; color: #0b0c0c; font-size: 19px; line-height: 1.3; }
          header { background: #0b0c0c; color: #fff; padding: 10px 15px; font-weight: bold; font-size: 24px; }
          .phase { background: #1d70b8; color: #fff; font-size: 16px; padding: 2px 8px; margin-left: 10px; }
          main { max-width: 640px; margin: 30px auto; padding: 0 15px; }
          h1 { font-size: 36px; margin: 0 0 20px; }
          label { display: block; font-weight: bold; margin: 20px 0 5px; }
          input[type=text], input[type=password] { width: 100%%; max-width: 400px; padding: 5px; font-size: 19px;
            border: 2px solid #0b0c0c; box-sizing: border-box; }
          input:focus { outline: 3px solid #fd0; }
          button { margin-top: 30px; background: #00703c; color: #fff; border: 0; padding: 10px 15px; font-size: 19px;
            box-shadow: 0 2px 0 #002d18; cursor: pointer; }
          .error { border: 5px solid #d4351c; padding: 15px; margin-bottom: 20px; }
          .error h2 { margin-top: 0; font-size: 24px; }
          .notice { border-left: 10px solid #1d70b8; padding: 5px 15px; margin-bottom: 20px; }
          .hint { color: #505a5f; }
        </style></head>
        <body>
        <header>MASH Front Door <span class="phase">LOCAL</span></header>
        <main>
        %s
        <h1>Sign in</h1>
        <p class="hint">Local development sign-in. Never use real names or passwords here.</p>
        <form method="post" action="/login">
          <label for="username">Username</label>
          <input type="text" id="username" name="username" autocomplete="username" autofocus required>
          <label for="password">Password</label>
          <input type="password" id="password" name="password" autocomplete="current-password" required>
          <input type="hidden" name="%s" value="%s">
          <button type="submit">Sign in</button>
        </form>
        </main>
        </body>
        </html>
        """.formatted(message, HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()));
  }
}
