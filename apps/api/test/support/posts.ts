import request from 'supertest';
import { creditCode } from './identity';
import type { TestApp } from './test-app';

const API = '/api/v1';

/** A post body an employer's form would send; override any field. */
export const postBody = (over: Record<string, unknown> = {}) => ({
  title: '电焊工',
  occupationCode: '6-05-01',
  description: '负责塑编设备维修焊接，有焊工证优先，包吃住，男女不限。',
  skills: ['电焊'],
  wageMin: 5000,
  wageMax: 6500,
  wageUnit: 'month',
  type: 'full_time',
  headcount: 3,
  townCode: '370406103',
  benefits: ['meals', 'housing'],
  ...over,
});

/**
 * Registers an employer for an employer user (dev login by name) and has the admin verify it.
 * Returns the employer's id.
 */
export async function verifiedEmployer(t: TestApp, employerToken: string, adminToken: string, orgBase: string, name = '山亭区测试制品有限公司'): Promise<string> {
  const res = await request(t.server)
    .post(`${API}/employers`)
    .set('Authorization', `Bearer ${employerToken}`)
    .send({ name, creditCode: creditCode(orgBase), industryCode: 'C', townCode: '370406103', address: '桑村镇工业园', contactName: '张经理', contactPhone: '13905462222' });
  if (res.status !== 201) throw new Error(`employer registration failed: ${res.status} ${JSON.stringify(res.body)}`);
  await request(t.server).post(`${API}/employers/${res.body.id}/verify`).set('Authorization', `Bearer ${adminToken}`).send({ approve: true }).expect(200);
  return res.body.id as string;
}

/** Creates a post and has the admin approve it; returns the published item. */
export async function publishedPost(t: TestApp, employerToken: string, adminToken: string, over: Record<string, unknown> = {}): Promise<{ id: string; status: string }> {
  const created = await request(t.server).post(`${API}/posts`).set('Authorization', `Bearer ${employerToken}`).send(postBody(over));
  if (created.status !== 201 || created.body.status !== 'pending_review') throw new Error(`post not submitted: ${created.status} ${JSON.stringify(created.body)}`);
  const approved = await request(t.server).post(`${API}/posts/${created.body.id}/review`).set('Authorization', `Bearer ${adminToken}`).send({ approve: true });
  if (approved.status !== 200) throw new Error(`post not approved: ${approved.status} ${JSON.stringify(approved.body)}`);
  return approved.body;
}
