import { User } from '../auth/entities/user.entity';
import { Employer } from '../employers/entities/employer.entity';
import { JobPosting } from '../job-postings/entities/job-posting.entity';
import { Occupation } from '../occupations/entities/occupation.entity';
import { Region } from '../regions/entities/region.entity';
import { ResidentStatusChange } from '../residents/entities/resident-status-change.entity';
import { Resident } from '../residents/entities/resident.entity';
import { AuditLog } from '../audit/entities/audit-log.entity';
import { EmployerJoinCode } from '../employers/entities/employer-join-code.entity';
import { CandidateViewQuota } from '../matching/entities/candidate-view-quota.entity';
import { Application } from '../applications/entities/application.entity';
import { ApplicationStep } from '../applications/entities/application-step.entity';
import { EmploymentTarget } from '../hires/entities/employment-target.entity';
import { Hire } from '../hires/entities/hire.entity';
import { NewEmployment } from '../hires/entities/new-employment.entity';
import { PostReport } from '../job-postings/entities/post-report.entity';
import { PostSearchTerm } from '../job-postings/entities/post-search-term.entity';
import { NotificationDelivery } from '../notifications/entities/notification-delivery.entity';
import { NotificationSetting } from '../notifications/entities/notification-setting.entity';
import { Notification } from '../notifications/entities/notification.entity';
import { WechatSubscription } from '../notifications/entities/wechat-subscription.entity';

/** Every entity, listed explicitly (no globs). */
export const ENTITIES = [Region, Occupation, User, Employer, JobPosting, Resident, ResidentStatusChange, AuditLog, EmployerJoinCode, PostSearchTerm, PostReport, CandidateViewQuota, Application, ApplicationStep, Hire, NewEmployment, EmploymentTarget, Notification, NotificationDelivery, WechatSubscription, NotificationSetting];
