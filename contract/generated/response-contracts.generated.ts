// Generated from openapi.yml by scripts/generate-operation-contracts.ts (npm run openapi:generate). Do not edit.
import type { ResponseContracts } from '../openapi/operation-contract.ts';
import * as schemas from './schema-checks.generated.ts';

export const getHealth: ResponseContracts = {
  '200': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/json': schemas.check4 },
  },
  default: {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
};
export const listComputationServers: ResponseContracts = {
  '200': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/json': schemas.check6 },
  },
  '401': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  default: {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
};
export const listCollaborations: ResponseContracts = {
  '200': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/json': schemas.check7 },
  },
  '400': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  '401': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  default: {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
};
export const createCollaboration: ResponseContracts = {
  '201': {
    headers: {
      'x-request-id': { required: true, check: schemas.check3 },
      location: { required: false, check: schemas.check8 },
    },
    content: { 'application/json': schemas.check9 },
  },
  '400': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  '401': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  '409': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  '415': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  default: {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
};
export const getCollaboration: ResponseContracts = {
  '200': {
    headers: {
      'x-request-id': { required: true, check: schemas.check3 },
      'retry-after': { required: false, check: schemas.check10 },
    },
    content: { 'application/json': schemas.check9 },
  },
  '400': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  '401': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  '404': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  default: {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
};
export const cancelCollaboration: ResponseContracts = {
  '200': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/json': schemas.check9 },
  },
  '400': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  '401': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  '403': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  '404': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  '409': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  default: {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
};
export const joinCollaboration: ResponseContracts = {
  '201': {
    headers: {
      'x-request-id': { required: true, check: schemas.check3 },
      location: { required: false, check: schemas.check8 },
    },
    content: { 'application/json': schemas.check11 },
  },
  '400': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  '401': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  '403': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  '404': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  '409': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  '415': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  default: {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
};
export const getMyParticipation: ResponseContracts = {
  '200': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/json': schemas.check11 },
  },
  '400': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  '401': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  '404': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  default: {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
};
export const finishParticipation: ResponseContracts = {
  '200': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/json': schemas.check11 },
  },
  '400': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  '401': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  '404': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  '409': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  default: {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
};
export const createInput: ResponseContracts = {
  '201': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/json': schemas.check12 },
  },
  '400': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  '401': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  '404': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  '409': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  '415': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  default: {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
};
export const completeInput: ResponseContracts = {
  '200': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/json': schemas.check13 },
  },
  '400': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  '401': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  '404': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  '409': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  '422': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  default: {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
};
export const getResult: ResponseContracts = {
  '200': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/json': schemas.check14 },
  },
  '202': {
    headers: {
      'x-request-id': { required: true, check: schemas.check3 },
      'retry-after': { required: false, check: schemas.check10 },
    },
    content: { 'application/json': schemas.check15 },
  },
  '400': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  '401': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  '403': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  '404': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  '409': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  '410': {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
  default: {
    headers: { 'x-request-id': { required: true, check: schemas.check3 } },
    content: { 'application/problem+json': schemas.check5 },
  },
};
