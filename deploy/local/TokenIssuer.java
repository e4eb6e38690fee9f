// The local development issuer: zero-install, JDK only (java TokenIssuer.java ...). NOT for production.
//   keys  <dir>                        creates once an RSA-2048 key pair in <dir>: private-key.pem (PKCS#8, owner
//                                      only), public-key.pem (what the local services trust) and jwks.json
//   token <dir> <partners.json> <id>... prints one signed RS256 JWT per id, from the id's claims in partners.json
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

public class TokenIssuer {

  public static void main(String[] args) throws Exception {
    if (args.length >= 2 && args[0].equals("keys")) {
      keys(Path.of(args[1]));
    } else if (args.length >= 4 && args[0].equals("token")) {
      Path dir = Path.of(args[1]);
      keys(dir);
      Map<String, Object> config = asObject(new Json(Files.readString(Path.of(args[2]))).value(), args[2]);
      Map<String, Object> callers = asObject(config.get("callers"), "callers");
      for (int i = 3; i < args.length; i++) {
        if (!callers.containsKey(args[i])) {
          System.err.println("Unknown caller '" + args[i] + "'. Configured in " + args[2] + ": "
              + String.join(", ", callers.keySet()));
          System.exit(2);
        }
      }
      PrivateKey key = KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(pem(Files.readString(dir.resolve("private-key.pem")))));
      String kid = Files.readString(dir.resolve("kid")).strip();
      for (int i = 3; i < args.length; i++) {
        System.out.println(token(config, asObject(callers.get(args[i]), args[i]), key, kid));
      }
    } else {
      System.err.println("usage: TokenIssuer keys <dir> | TokenIssuer token <dir> <partners.json> <id>...");
      System.exit(64);
    }
  }

  static String token(Map<String, Object> config, Map<String, Object> callerClaims, PrivateKey key, String kid)
      throws Exception {
    long now = Instant.now().getEpochSecond();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", config.get("issuer"));
    claims.put("aud", config.get("audience"));
    claims.putAll(callerClaims);
    claims.put("iat", now);
    claims.put("nbf", now);
    claims.put("exp", now + ((Number) config.getOrDefault("lifetimeSeconds", 3600L)).longValue());
    claims.put("jti", UUID.randomUUID().toString());
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", "RS256");
    header.put("typ", "JWT");
    header.put("kid", kid);
    String input = b64(Json.write(header).getBytes(StandardCharsets.UTF_8)) + "."
        + b64(Json.write(claims).getBytes(StandardCharsets.UTF_8));
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initSign(key);
    rs256.update(input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + b64(rs256.sign());
  }

  /**
   * Creates the key pair unless it exists: the services started by up trust the public key from then on. The local
   * OAuth2 provider (deploy/auth-server, SigningKey) reads and makes the same files: keep the two in step.
   */
  static void keys(Path dir) throws Exception {
    Path privateKey = dir.resolve("private-key.pem");
    if (Files.exists(privateKey)) {
      return;
    }
    Files.createDirectories(dir);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
    String n = b64(unsigned(publicKey.getModulus().toByteArray()));
    String e = b64(unsigned(publicKey.getPublicExponent().toByteArray()));
    // RFC 7638 thumbprint as the key id
    String kid = b64(MessageDigest.getInstance("SHA-256").digest(
        ("{\"e\":\"" + e + "\",\"kty\":\"RSA\",\"n\":\"" + n + "\"}").getBytes(StandardCharsets.UTF_8)));
    Files.writeString(dir.resolve("public-key.pem"), pem("PUBLIC KEY", publicKey.getEncoded()));
    Files.writeString(dir.resolve("jwks.json"), "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\""
        + kid + "\",\"n\":\"" + n + "\",\"e\":\"" + e + "\"}]}\n");
    Files.writeString(dir.resolve("kid"), kid + "\n");
    Path tmp = dir.resolve("private-key.pem.tmp");
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(tmp);
    }
    Files.writeString(tmp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    Files.move(tmp, privateKey); // last, so a half-made key pair is made again next time
    System.err.println("dev issuer: new RS256 key pair in " + dir + " (kid " + kid + ")");
  }

  static byte[] unsigned(byte[] bigEndian) {
    return bigEndian.length > 1 && bigEndian[0] == 0
        ? java.util.Arrays.copyOfRange(bigEndian, 1, bigEndian.length) : bigEndian;
  }

  static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  static byte[] pem(String text) {
    return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asObject(Object value, String what) {
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new IllegalArgumentException(what + " must be a JSON object");
  }

  /** Just enough JSON for partners.json and the token's header and claims. */
  static final class Json {
    private final String s;
    private int i;

    Json(String s) {
      this.s = s;
    }

    Object value() {
      skip();
      char c = s.charAt(i);
      if (c == '{') {
        Map<String, Object> map = new LinkedHashMap<>();
        i++;
        skip();
        if (s.charAt(i) == '}') { i++; return map; }
        do {
          skip();
          String key = string();
          skip();
          expect(':');
          map.put(key, value());
          skip();
        } while (s.charAt(i++) == ',');
        if (s.charAt(i - 1) != '}') throw error("} expected");
        return map;
      }
      if (c == '[') {
        List<Object> list = new ArrayList<>();
        i++;
        skip();
        if (s.charAt(i) == ']') { i++; return list; }
        do {
          list.add(value());
          skip();
        } while (s.charAt(i++) == ',');
        if (s.charAt(i - 1) != ']') throw error("] expected");
        return list;
      }
      if (c == '"') return string();
      if (s.startsWith("true", i)) { i += 4; return true; }
      if (s.startsWith("false", i)) { i += 5; return false; }
      if (s.startsWith("null", i)) { i += 4; return null; }
      int start = i;
      while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
      if (start == i) throw error("value expected");
      String number = s.substring(start, i);
      return number.matches("-?\\d+") ? (Object) Long.parseLong(number) : (Object) Double.parseDouble(number);
    }

    private String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (s.charAt(i) != '"') {
        char c = s.charAt(i++);
        if (c == '\\') {
          char e = s.charAt(i++);
          switch (e) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'u' -> { out.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; }
            default -> out.append(e);
          }
        } else {
          out.append(c);
        }
      }
      i++;
      return out.toString();
    }

    private void expect(char c) {
      if (s.charAt(i++) != c) throw error(c + " expected");
    }

    private void skip() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    }

    private IllegalArgumentException error(String what) {
      return new IllegalArgumentException("partners.json: " + what + " at offset " + i);
    }

    static String write(Object value) {
      if (value == null) return "null";
      if (value instanceof String str) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : str.toCharArray()) {
          if (c == '"' || c == '\\') out.append('\\').append(c);
          else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
          else out.append(c);
        }
        return out.append('"').toString();
      }
      if (value instanceof Map<?, ?> map) {
        List<String> members = new ArrayList<>();
        map.forEach((k, v) -> members.add(write(String.valueOf(k)) + ":" + write(v)));
        return "{" + String.join(",", members) + "}";
      }
      if (value instanceof List<?> list) {
        return "[" + String.join(",", list.stream().map(Json::write).toList()) + "]";
      }
      return String.valueOf(value); // numbers, booleans
    }
  }
}
