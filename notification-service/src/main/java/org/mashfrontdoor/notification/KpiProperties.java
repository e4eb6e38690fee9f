package org.mashfrontdoor.notification;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mash.kpis.*}: each KPI's target and amber band (percentage points below the target that are still AMBER),
 * by KPI name. A KPI without a target has no RAG.
 */
@ConfigurationProperties("mash.kpis")
record KpiProperties(Map<String, TargetProperties> targets) {

  record TargetProperties(BigDecimal target, BigDecimal amberBand) {
  }
}
