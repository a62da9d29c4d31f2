{{/*
The Deployment of one component (context: root, name).

Draining: when a pod is deleted it is taken out of its Service's endpoints while the preStop sleep keeps it serving,
so load balancers stop sending it new connections first. Then the JVM gets SIGTERM: Spring Boot turns readiness to
REFUSING_TRAFFIC, stops accepting connections and lets open requests and streams finish for up to
gracefulShutdown.timeoutSeconds (spring.lifecycle.timeout-per-shutdown-phase). terminationGracePeriodSeconds covers
both plus a margin for the remaining shutdown phases, after which Kubernetes kills the container.
*/}}
{{- define "switchboard.deployment" -}}
{{- $root := .root }}
{{- $name := .name }}
{{- $values := index $root.Values $name }}
{{- $spec := fromYaml (include "switchboard.componentSpec" .) }}
{{- $springConfig := include "switchboard.springConfig" . }}
{{- $catalogConfigMap := include "switchboard.catalogConfigMap" $root }}
{{- $mountsCatalog := and (eq $name "catalog") $catalogConfigMap }}
{{- $mountsKafkaCa := and $spec.kafka $root.Values.kafka.caSecret (not $root.Values.dev.enabled) }}
{{- $providerSecret := "" }}
{{- if eq $name "routing" }}
{{- $providerSecret = include "switchboard.providerCredentialsSecret" $root }}
{{- end }}
{{- $shutdown := $values.gracefulShutdown }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "switchboard.componentName" . }}
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- include "switchboard.componentLabels" . | nindent 4 }}
spec:
  {{- if not $values.autoscaling.enabled }}
  replicas: {{ $values.replicaCount }}
  {{- end }}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      {{- include "switchboard.componentSelectorLabels" . | nindent 6 }}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      # A new pod is ready before an old one starts draining.
      maxSurge: 25%
      maxUnavailable: 0
  template:
    metadata:
      labels:
        {{- include "switchboard.componentLabels" . | nindent 8 }}
        {{- with $values.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      annotations:
        checksum/secret: {{ dict "internal" $root.Values.internalSecret "bootstrap" $root.Values.bootstrapKey "operator" $root.Values.operatorKey "providers" $root.Values.providerCredentials | toJson | sha256sum }}
        {{- if $springConfig }}
        checksum/config: {{ $springConfig | sha256sum }}
        {{- end }}
        {{- if and $mountsCatalog $root.Values.catalog.file.content }}
        checksum/catalog: {{ $root.Values.catalog.file.content | sha256sum }}
        {{- end }}
        {{- with $values.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ include "switchboard.serviceAccountName" $root }}
      automountServiceAccountToken: false
      # Service links would add an environment variable per Service of the namespace; the services need none.
      enableServiceLinks: false
      {{- with $root.Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.priorityClassName }}
      priorityClassName: {{ . }}
      {{- end }}
      securityContext:
        {{- toYaml $root.Values.podSecurityContext | nindent 8 }}
      terminationGracePeriodSeconds: {{ add $shutdown.preStopSleepSeconds $shutdown.timeoutSeconds 15 }}
      containers:
        - name: {{ $spec.module }}
          image: {{ include "switchboard.image" . | quote }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          securityContext:
            {{- toYaml $root.Values.containerSecurityContext | nindent 12 }}
          ports:
            - name: http
              containerPort: {{ include "switchboard.httpPort" $root }}
              protocol: TCP
            - name: management
              containerPort: {{ include "switchboard.managementPort" $root }}
              protocol: TCP
          env:
            {{- include "switchboard.env" . | trim | nindent 12 }}
          {{- if or $providerSecret $values.extraEnvFrom }}
          envFrom:
            {{- if $providerSecret }}
            # Provider credentials, as the variables the catalog's credential_env names.
            - secretRef:
                name: {{ $providerSecret }}
            {{- end }}
            {{- with $values.extraEnvFrom }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          {{- end }}
          {{- if $shutdown.preStopSleepSeconds }}
          lifecycle:
            preStop:
              sleep:
                seconds: {{ $shutdown.preStopSleepSeconds }}
          {{- end }}
          startupProbe:
            httpGet:
              path: /actuator/health/liveness
              port: management
            {{- toYaml $root.Values.probes.startup | nindent 12 }}
          livenessProbe:
            httpGet:
              path: /actuator/health/liveness
              port: management
            {{- toYaml $root.Values.probes.liveness | nindent 12 }}
          readinessProbe:
            httpGet:
              path: /actuator/health/readiness
              port: management
            {{- toYaml $root.Values.probes.readiness | nindent 12 }}
          resources:
            {{- toYaml $values.resources | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            {{- if $springConfig }}
            - name: config
              mountPath: /etc/switchboard/config
              readOnly: true
            {{- end }}
            {{- if $mountsCatalog }}
            - name: catalog
              mountPath: /etc/switchboard/catalog
              readOnly: true
            {{- end }}
            {{- if $mountsKafkaCa }}
            - name: kafka-ca
              mountPath: /etc/switchboard/kafka-ca
              readOnly: true
            {{- end }}
            {{- with $values.extraVolumeMounts }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: {{ $root.Values.tmpSizeLimit }}
        {{- if $springConfig }}
        - name: config
          configMap:
            name: {{ include "switchboard.componentName" . }}-config
        {{- end }}
        {{- if $mountsCatalog }}
        - name: catalog
          configMap:
            name: {{ $catalogConfigMap }}
            items:
              - key: {{ $root.Values.catalog.file.configMapKey }}
                path: catalog.yaml
        {{- end }}
        {{- if $mountsKafkaCa }}
        - name: kafka-ca
          secret:
            secretName: {{ $root.Values.kafka.caSecret }}
            items:
              - key: {{ $root.Values.kafka.caSecretKey }}
                path: ca.crt
        {{- end }}
        {{- with $values.extraVolumes }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      {{- with $values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- if $values.topologySpreadConstraints }}
      topologySpreadConstraints:
        {{- toYaml $values.topologySpreadConstraints | nindent 8 }}
      {{- else if $root.Values.topologySpread }}
      topologySpreadConstraints:
        {{- range $key := list "kubernetes.io/hostname" "topology.kubernetes.io/zone" }}
        - maxSkew: 1
          topologyKey: {{ $key }}
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              {{- include "switchboard.componentSelectorLabels" $ | nindent 14 }}
          matchLabelKeys:
            - pod-template-hash
        {{- end }}
      {{- end }}
{{- end }}

{{/* The environment of a component's container (context: root, name). */}}
{{- define "switchboard.env" -}}
{{- $root := .root }}
{{- $name := .name }}
{{- $values := index $root.Values $name }}
{{- $spec := fromYaml (include "switchboard.componentSpec" .) }}
- name: SERVER_PORT
  value: {{ include "switchboard.httpPort" $root | quote }}
- name: MANAGEMENT_SERVER_PORT
  value: {{ include "switchboard.managementPort" $root | quote }}
- name: SERVER_SHUTDOWN
  value: graceful
- name: SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE
  value: {{ printf "%vs" $values.gracefulShutdown.timeoutSeconds | quote }}
- name: JDK_JAVA_OPTIONS
  value: {{ trim (printf "%s %s" $root.Values.jvmOptions $values.jvmOptions) | quote }}
{{- if include "switchboard.springConfig" . }}
- name: SPRING_CONFIG_ADDITIONAL_LOCATION
  value: optional:file:/etc/switchboard/config/
{{- end }}
{{- if ne $name "simulator" }}
- name: MANAGEMENT_TRACING_SAMPLING_PROBABILITY
  value: {{ $root.Values.tracing.samplingProbability | quote }}
{{- if $root.Values.tracing.enabled }}
- name: MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT
  value: {{ $root.Values.tracing.otlpEndpoint | quote }}
{{- else }}
- name: MANAGEMENT_TRACING_EXPORT_ENABLED
  value: "false"
{{- end }}
- name: SWITCHBOARD_INTERNAL_SECRET
  valueFrom:
    secretKeyRef:
      {{- include "switchboard.internalSecretRef" $root | nindent 6 }}
{{- end }}
{{- if $spec.redis }}
- name: REDIS_URL
{{- if $root.Values.dev.enabled }}
  value: {{ printf "redis://%s:6379" (include "switchboard.devRedisName" $root) | quote }}
{{- else if $root.Values.redis.existingSecret }}
  valueFrom:
    secretKeyRef:
      name: {{ $root.Values.redis.existingSecret }}
      key: {{ $root.Values.redis.existingSecretKey }}
{{- else }}
  value: {{ $root.Values.redis.url | quote }}
{{- end }}
{{- end }}
{{- if $spec.kafka }}
- name: KAFKA_BOOTSTRAP_SERVERS
{{- if $root.Values.dev.enabled }}
  value: {{ printf "%s:9092" (include "switchboard.devKafkaName" $root) | quote }}
{{- else }}
  value: {{ $root.Values.kafka.bootstrapServers | quote }}
{{- end }}
{{- if $root.Values.kafka.saslJaasConfigSecret }}
- name: SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG
  valueFrom:
    secretKeyRef:
      name: {{ $root.Values.kafka.saslJaasConfigSecret }}
      key: {{ $root.Values.kafka.saslJaasConfigSecretKey }}
{{- end }}
{{- end }}
{{- if eq $name "gateway" }}
- name: SWITCHBOARD_ROUTING_URL
  value: {{ include "switchboard.componentUrl" (dict "root" $root "name" "routing") | quote }}
- name: SWITCHBOARD_CATALOG_URL
  value: {{ include "switchboard.componentUrl" (dict "root" $root "name" "catalog") | quote }}
- name: SWITCHBOARD_BILLING_URL
  value: {{ include "switchboard.componentUrl" (dict "root" $root "name" "billing") | quote }}
{{- if $root.Values.bootstrapKey.enabled }}
- name: SWITCHBOARD_BOOTSTRAP_KEY
  valueFrom:
    secretKeyRef:
      {{- include "switchboard.bootstrapKeyRef" $root | nindent 6 }}
- name: SWITCHBOARD_BOOTSTRAP_TENANT
  value: {{ $root.Values.bootstrapKey.tenant | quote }}
{{- end }}
{{- if $root.Values.operatorKey.enabled }}
- name: SWITCHBOARD_OPERATOR_KEY
  valueFrom:
    secretKeyRef:
      {{- include "switchboard.operatorKeyRef" $root | nindent 6 }}
{{- end }}
{{- end }}
{{- if eq $name "routing" }}
- name: SWITCHBOARD_CATALOG_URL
  value: {{ include "switchboard.componentUrl" (dict "root" $root "name" "catalog") | quote }}
{{- end }}
{{- if and (eq $name "billing") $root.Values.bootstrapKey.enabled $root.Values.bootstrapKey.credit }}
- name: SWITCHBOARD_BILLING_BOOTSTRAPCREDIT_TENANT
  value: {{ $root.Values.bootstrapKey.tenant | quote }}
- name: SWITCHBOARD_BILLING_BOOTSTRAPCREDIT_AMOUNT
  value: {{ $root.Values.bootstrapKey.credit | quote }}
{{- end }}
{{- if eq $name "catalog" }}
{{- if include "switchboard.catalogConfigMap" $root }}
- name: SWITCHBOARD_CATALOG_FILE
  value: file:/etc/switchboard/catalog/catalog.yaml
{{- end }}
{{- if $root.Values.simulator.enabled }}
# Every provider is played by the simulator: {provider} is replaced by each provider's slug.
- name: SWITCHBOARD_CATALOG_BASEURLOVERRIDE
  value: {{ printf "%s/{provider}/v1" (include "switchboard.componentUrl" (dict "root" $root "name" "simulator")) | quote }}
{{- end }}
{{- end }}
{{- with $root.Values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- with $values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end }}
