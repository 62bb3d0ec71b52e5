export interface HealthStatus {
  status: 'ok' | 'error';
  details?: Record<string, { status: 'up' | 'down'; message?: string }>;
}
