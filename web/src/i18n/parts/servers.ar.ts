// Arabic texts of the problems of operations (readiness, metrics).
export const serversAr = {
  'problem.migrations_pending': 'قاعدة البيانات تنقصها ترحيلات يحتاجها هذا الخادم. شغّل أحدث إصدار من الخادم مرة واحدة لتطبيقها.',
  'problem.metrics_forbidden': 'المقاييس لنظام المراقبة وحده: أرسل رمز المقاييس، أو اتصل من هذا الجهاز مباشرة.',
} as const;
