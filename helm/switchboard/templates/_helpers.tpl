{{/*
Names, labels and the facts every template shares. Component templates take a context
`dict "root" $ "name" <component>`, where <component> is a key of the values (gateway, routing, billing, catalog,
simulator).
*/}}

{{- define "switchboard.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Release name and chart name, unless the release name already contains the chart name. */}}
{{- define "switchboard.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "switchboard.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The version the images run: the global image tag, else the chart's appVersion. */}}
{{- define "switchboard.version" -}}
{{- .Values.image.tag | default .Chart.AppVersion }}
{{- end }}

{{- define "switchboard.selectorLabels" -}}
app.kubernetes.io/name: {{ include "switchboard.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "switchboard.labels" -}}
helm.sh/chart: {{ include "switchboard.chart" . }}
{{ include "switchboard.selectorLabels" . }}
app.kubernetes.io/version: {{ include "switchboard.version" . | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: switchboard
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
What each component is and whom it talks to; the NetworkPolicies and environment follow from it. A service that
starts using Redis or Kafka, or calling another one, changes here.
  module   the Maven module (and image name) of the component
  redis    uses Redis (gets REDIS_URL, may reach Redis)
  kafka    uses Kafka (gets KAFKA_BOOTSTRAP_SERVERS, may reach the brokers)
  callers  components allowed to call its API port; gateway's callers are configured (networkPolicy.gatewayFrom)
  calls    components whose API port it may reach
*/}}
{{- define "switchboard.componentSpecs" -}}
gateway:
  module: gateway-service
  redis: true
  kafka: false
  callers: []
  calls: [routing, catalog, billing]
routing:
  module: routing-service
  redis: true
  kafka: true
  callers: [gateway]
  calls: [catalog, simulator]
billing:
  module: billing-service
  redis: true
  kafka: true
  callers: [gateway]
  calls: []
catalog:
  module: catalog-service
  redis: true
  kafka: false
  callers: [gateway, routing]
  calls: []
simulator:
  module: provider-simulator
  redis: false
  kafka: false
  callers: [routing]
  calls: []
{{- end }}

{{/* The spec of one component (context: root, name). */}}
{{- define "switchboard.componentSpec" -}}
{{- get (fromYaml (include "switchboard.componentSpecs" .root)) .name | toYaml }}
{{- end }}

{{/* The components this release deploys, separated by spaces, in start-up order. */}}
{{- define "switchboard.components" -}}
{{- $names := list "catalog" "billing" "routing" "gateway" }}
{{- if .Values.simulator.enabled }}
{{- $names = prepend $names "simulator" }}
{{- end }}
{{- join " " $names }}
{{- end }}

{{/* Whether a component is deployed (context: root, name): "true" or "". */}}
{{- define "switchboard.deployed" -}}
{{- if has .name (splitList " " (include "switchboard.components" .root)) }}true{{ end }}
{{- end }}

{{/* Name of a component's resources (context: root, name); short enough for "-metrics" to fit in 63. */}}
{{- define "switchboard.componentName" -}}
{{- printf "%s-%s" (include "switchboard.fullname" .root | trunc 44 | trimSuffix "-") .name }}
{{- end }}

{{- define "switchboard.componentSelectorLabels" -}}
{{ include "switchboard.selectorLabels" .root }}
app.kubernetes.io/component: {{ .name }}
{{- end }}

{{- define "switchboard.componentLabels" -}}
{{ include "switchboard.labels" .root }}
app.kubernetes.io/component: {{ .name }}
{{- end }}

{{/* The image of a component (context: root, name): registry/repository, then @digest or :tag. */}}
{{- define "switchboard.image" -}}
{{- $image := (index .root.Values .name).image }}
{{- $repository := $image.repository }}
{{- with .root.Values.image.registry }}
{{- $repository = printf "%s/%s" . $repository }}
{{- end }}
{{- if $image.digest }}
{{- printf "%s@%s" $repository $image.digest }}
{{- else }}
{{- printf "%s:%s" $repository ($image.tag | default (include "switchboard.version" .root)) }}
{{- end }}
{{- end }}

{{- define "switchboard.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "switchboard.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The container ports every component listens on: the API and Spring Boot Actuator. */}}
{{- define "switchboard.httpPort" -}}8080{{- end }}
{{- define "switchboard.managementPort" -}}8081{{- end }}

{{/* The URL of a component's Service inside the cluster (context: root, name). */}}
{{- define "switchboard.componentUrl" -}}
{{- printf "http://%s:%v" (include "switchboard.componentName" .) (index .root.Values .name).service.port }}
{{- end }}

{{/* Secret the chart creates for the values it generates or is given inline. */}}
{{- define "switchboard.secretName" -}}
{{- include "switchboard.fullname" . }}
{{- end }}

{{/* Whether the chart creates its Secret: "true" or "". */}}
{{- define "switchboard.createsSecret" -}}
{{- if or (not .Values.internalSecret.existingSecret) (and .Values.bootstrapKey.enabled (not .Values.bootstrapKey.existingSecret)) (and .Values.operatorKey.enabled (not .Values.operatorKey.existingSecret)) }}true{{ end }}
{{- end }}

{{- define "switchboard.internalSecretRef" -}}
{{- if .Values.internalSecret.existingSecret -}}
name: {{ .Values.internalSecret.existingSecret }}
key: {{ .Values.internalSecret.existingSecretKey }}
{{- else -}}
name: {{ include "switchboard.secretName" . }}
key: internal-secret
{{- end }}
{{- end }}

{{- define "switchboard.bootstrapKeyRef" -}}
{{- if .Values.bootstrapKey.existingSecret -}}
name: {{ .Values.bootstrapKey.existingSecret }}
key: {{ .Values.bootstrapKey.existingSecretKey }}
{{- else -}}
name: {{ include "switchboard.secretName" . }}
key: bootstrap-key
{{- end }}
{{- end }}

{{- define "switchboard.operatorKeyRef" -}}
{{- if .Values.operatorKey.existingSecret -}}
name: {{ .Values.operatorKey.existingSecret }}
key: {{ .Values.operatorKey.existingSecretKey }}
{{- else -}}
name: {{ include "switchboard.secretName" . }}
key: operator-key
{{- end }}
{{- end }}

{{/* Secret holding the provider credentials, or "" when there are none. */}}
{{- define "switchboard.providerCredentialsSecret" -}}
{{- if .Values.providerCredentials.existingSecret }}
{{- .Values.providerCredentials.existingSecret }}
{{- else if .Values.providerCredentials.values }}
{{- printf "%s-provider-credentials" (include "switchboard.fullname" .) }}
{{- end }}
{{- end }}

{{/* ConfigMap holding the catalog file, or "" for the catalog built into catalog-service. */}}
{{- define "switchboard.catalogConfigMap" -}}
{{- if .Values.catalog.file.existingConfigMap }}
{{- .Values.catalog.file.existingConfigMap }}
{{- else if .Values.catalog.file.content }}
{{- printf "%s-catalog" (include "switchboard.fullname" .) }}
{{- end }}
{{- end }}

{{/* Names of the dev-mode Valkey and Kafka. */}}
{{- define "switchboard.devRedisName" -}}
{{- include "switchboard.componentName" (dict "root" . "name" "valkey") }}
{{- end }}
{{- define "switchboard.devKafkaName" -}}
{{- include "switchboard.componentName" (dict "root" . "name" "kafka") }}
{{- end }}

{{/*
Spring Boot properties of a component (context: root, name) as YAML, or "" when there are none: the global `config`,
the component's `config` over it, and the Kafka client properties (and CA truststore) for Kafka users.
*/}}
{{- define "switchboard.springConfig" -}}
{{- $values := index .root.Values .name }}
{{- $config := mustMergeOverwrite (deepCopy .root.Values.config) (deepCopy $values.config) }}
{{- $spec := fromYaml (include "switchboard.componentSpec" .) }}
{{- if $spec.kafka }}
{{- $kafka := deepCopy .root.Values.kafka.properties }}
{{- if .root.Values.kafka.caSecret }}
{{- $_ := set $kafka "ssl.truststore.type" "PEM" }}
{{- $_ := set $kafka "ssl.truststore.location" "/etc/switchboard/kafka-ca/ca.crt" }}
{{- end }}
{{- if $kafka }}
{{- $config = mustMergeOverwrite (dict "spring" (dict "kafka" (dict "properties" $kafka))) $config }}
{{- end }}
{{- end }}
{{- if $config }}
{{- toYaml $config }}
{{- end }}
{{- end }}

{{/*
Refuses values that cannot work, with a message saying what to set. Schema-level checks (types, unknown keys, key
formats) are in values.schema.json.
*/}}
{{- define "switchboard.validate" -}}
{{- $v := .Values }}
{{- if $v.dev.enabled }}
{{- if or $v.redis.url $v.redis.existingSecret }}
{{- fail "dev.enabled deploys its own Valkey: leave redis.url and redis.existingSecret empty, or turn dev.enabled off" }}
{{- end }}
{{- if $v.kafka.bootstrapServers }}
{{- fail "dev.enabled deploys its own Kafka: leave kafka.bootstrapServers empty, or turn dev.enabled off" }}
{{- end }}
{{- else }}
{{- if not (or $v.redis.url $v.redis.existingSecret) }}
{{- fail "Switchboard needs a Redis (or Valkey): set redis.url (e.g. redis://redis.data:6379) or redis.existingSecret (a Secret holding the URL), or --set dev.enabled=true to try it with an in-cluster Valkey and Kafka (see deploy/ for production Redis and Kafka)" }}
{{- end }}
{{- if and $v.redis.url $v.redis.existingSecret }}
{{- fail "Set either redis.url or redis.existingSecret, not both" }}
{{- end }}
{{- if not $v.kafka.bootstrapServers }}
{{- fail "Switchboard needs Kafka: set kafka.bootstrapServers (e.g. switchboard-kafka-bootstrap.kafka:9092; see deploy/kafka-strimzi.yaml), or --set dev.enabled=true to try it with an in-cluster Valkey and Kafka" }}
{{- end }}
{{- end }}
{{- if and $v.internalSecret.existingSecret $v.internalSecret.value }}
{{- fail "Set either internalSecret.existingSecret or internalSecret.value, not both" }}
{{- end }}
{{- if and $v.bootstrapKey.existingSecret $v.bootstrapKey.value }}
{{- fail "Set either bootstrapKey.existingSecret or bootstrapKey.value, not both" }}
{{- end }}
{{- if and $v.operatorKey.existingSecret $v.operatorKey.value }}
{{- fail "Set either operatorKey.existingSecret or operatorKey.value, not both" }}
{{- end }}
{{- if and $v.providerCredentials.existingSecret $v.providerCredentials.values }}
{{- fail "Set either providerCredentials.existingSecret or providerCredentials.values, not both" }}
{{- end }}
{{- if and $v.catalog.file.existingConfigMap $v.catalog.file.content }}
{{- fail "Set either catalog.file.content or catalog.file.existingConfigMap, not both" }}
{{- end }}
{{- if and $v.tracing.enabled (not $v.tracing.otlpEndpoint) }}
{{- fail "tracing.enabled exports spans to an OpenTelemetry collector: set tracing.otlpEndpoint (e.g. http://otel-collector.observability:4318/v1/traces)" }}
{{- end }}
{{- if lt (int $v.gateway.gracefulShutdown.timeoutSeconds) (int $v.routing.gracefulShutdown.timeoutSeconds) }}
{{- fail "gateway.gracefulShutdown.timeoutSeconds must be at least routing.gracefulShutdown.timeoutSeconds: the gateway relays routing's streams, and a gateway pod draining for less time would cut them" }}
{{- end }}
{{- end }}
