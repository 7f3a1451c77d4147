// Swagger UI on the service's own OpenAPI document. A file, not an inline script: the
// page's Content-Security-Policy runs scripts from files only.
window.onload = () => {
  window.ui = SwaggerUIBundle({
    url: "/v3/api-docs",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout",
    // No badge from the online validator: the page loads nothing from elsewhere.
    validatorUrl: "none",
  });
};
