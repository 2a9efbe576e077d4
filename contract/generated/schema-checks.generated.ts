// Generated from openapi.yml by scripts/generate-operation-contracts.ts (npm run openapi:generate). Do not edit.
/* eslint-disable */
// @ts-nocheck
const commonJs = (module) => module.default ?? module;
import formatsModule from 'ajv-formats/dist/formats.js';
const formats = commonJs(formatsModule).fullFormats;
('use strict');
export const check0 = validate21;
const schema6 = {
  $ref: 'https://mpc.example/openapi/schemas#/$defs/CreateCollaborationRequest',
  $id: 'urn:check:check0',
};
const schema8 = {
  type: 'object',
  additionalProperties: false,
  required: [
    'name',
    'analyses',
    'inputSchema',
    'minParticipants',
    'maxParticipants',
    'inputDeadline',
    'resultRecipients',
  ],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    description: { type: 'string', maxLength: 4000 },
    analyses: {
      type: 'array',
      minItems: 1,
      maxItems: 32,
      items: { $ref: 'https://mpc.example/openapi/schemas#/$defs/AnalysisSpec' },
    },
    inputSchema: { $ref: 'https://mpc.example/openapi/schemas#/$defs/InputSchema' },
    minParticipants: { type: 'integer', minimum: 1, maximum: 1000 },
    maxParticipants: { type: 'integer', minimum: 1, maximum: 1000 },
    inputDeadline: {
      description: 'Inputs are accepted until then; must be in the future and at most a year ahead.',
      $ref: 'https://mpc.example/openapi/schemas#/$defs/Timestamp',
    },
    resultRecipients: { $ref: 'https://mpc.example/openapi/schemas#/$defs/ResultRecipients' },
    participants: { $ref: 'https://mpc.example/openapi/schemas#/$defs/InviteList' },
    minCellSize: { $ref: 'https://mpc.example/openapi/schemas#/$defs/MinCellSize' },
    privacy: { $ref: 'https://mpc.example/openapi/schemas#/$defs/PrivacyBudget' },
    maxRowsPerParticipant: { $ref: 'https://mpc.example/openapi/schemas#/$defs/MaxRowsPerParticipant' },
  },
};
const func2 = Object.prototype.hasOwnProperty;
import func3Module from 'ajv/dist/runtime/ucs2length.js';
const func3 = commonJs(func3Module);
const schema9 = {
  description:
    "One statistic. `field` names an input field; without it the analysis applies to every field\n(`count` counts rows and takes no field). `binEdges` (strictly increasing, 1..65) only and always for\n`histogram`; `threshold` only and always for `countAbove` / `countBelow`; `p` only and always for\n`quantile`: p in (0, 1) with at most 6 decimal places, read as the exact decimal it is written as; the\nquantile is the smallest encoded value v with #(x <= v) >= ceil(p n) over the n valid rows (p = 0.5:\nthe lower median). A quantile needs the field's `min` and `max`. `groupBy` names a category field:\nthe analysis (count, sum, mean, variance, stddev or quantile) is computed per category, over the\nvalid rows of that category.\n",
  type: 'object',
  additionalProperties: false,
  required: ['kind'],
  properties: {
    kind: { $ref: 'https://mpc.example/openapi/schemas#/$defs/AnalysisKind' },
    field: { $ref: 'https://mpc.example/openapi/schemas#/$defs/FieldName' },
    binEdges: { type: 'array', minItems: 1, maxItems: 65, items: { type: 'number' } },
    threshold: { type: 'number' },
    p: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
    groupBy: { $ref: 'https://mpc.example/openapi/schemas#/$defs/FieldName' },
  },
};
const schema10 = {
  type: 'string',
  enum: [
    'count',
    'sum',
    'mean',
    'variance',
    'stddev',
    'histogram',
    'countAbove',
    'countBelow',
    'min',
    'max',
    'quantile',
  ],
};
function validate25(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (typeof data !== 'string') {
    const err0 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'string' },
      message: 'must be string',
    };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  if (!(
    data === 'count' ||
    data === 'sum' ||
    data === 'mean' ||
    data === 'variance' ||
    data === 'stddev' ||
    data === 'histogram' ||
    data === 'countAbove' ||
    data === 'countBelow' ||
    data === 'min' ||
    data === 'max' ||
    data === 'quantile'
  )) {
    const err1 = {
      instancePath,
      schemaPath: '#/enum',
      keyword: 'enum',
      params: { allowedValues: schema10.enum },
      message: 'must be equal to one of the allowed values',
    };
    if (vErrors === null) {
      vErrors = [err1];
    } else {
      vErrors.push(err1);
    }
    errors++;
  }
  validate25.errors = vErrors;
  return errors === 0;
}
const schema11 = { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$' };
const pattern0 = new RegExp('^[A-Za-z_][A-Za-z0-9_]{0,63}$', 'u');
function validate27(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (typeof data === 'string') {
    if (!pattern0.test(data)) {
      const err0 = {
        instancePath,
        schemaPath: '#/pattern',
        keyword: 'pattern',
        params: { pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$' },
        message: 'must match pattern "' + '^[A-Za-z_][A-Za-z0-9_]{0,63}$' + '"',
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
  } else {
    const err1 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'string' },
      message: 'must be string',
    };
    if (vErrors === null) {
      vErrors = [err1];
    } else {
      vErrors.push(err1);
    }
    errors++;
  }
  validate27.errors = vErrors;
  return errors === 0;
}
function validate24(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.kind === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'kind' },
        message: "must have required property '" + 'kind' + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(
        key0 === 'kind' ||
        key0 === 'field' ||
        key0 === 'binEdges' ||
        key0 === 'threshold' ||
        key0 === 'p' ||
        key0 === 'groupBy'
      )) {
        const err1 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.kind !== undefined) {
      if (
        !validate25(data.kind, {
          instancePath: instancePath + '/kind',
          parentData: data,
          parentDataProperty: 'kind',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
        errors = vErrors.length;
      }
    }
    if (data.field !== undefined) {
      if (
        !validate27(data.field, {
          instancePath: instancePath + '/field',
          parentData: data,
          parentDataProperty: 'field',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate27.errors : vErrors.concat(validate27.errors);
        errors = vErrors.length;
      }
    }
    if (data.binEdges !== undefined) {
      let data2 = data.binEdges;
      if (Array.isArray(data2)) {
        if (data2.length > 65) {
          const err2 = {
            instancePath: instancePath + '/binEdges',
            schemaPath: '#/properties/binEdges/maxItems',
            keyword: 'maxItems',
            params: { limit: 65 },
            message: 'must NOT have more than 65 items',
          };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        if (data2.length < 1) {
          const err3 = {
            instancePath: instancePath + '/binEdges',
            schemaPath: '#/properties/binEdges/minItems',
            keyword: 'minItems',
            params: { limit: 1 },
            message: 'must NOT have fewer than 1 items',
          };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
        const len0 = data2.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data3 = data2[i0];
          if (!(typeof data3 == 'number' && isFinite(data3))) {
            const err4 = {
              instancePath: instancePath + '/binEdges/' + i0,
              schemaPath: '#/properties/binEdges/items/type',
              keyword: 'type',
              params: { type: 'number' },
              message: 'must be number',
            };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
      } else {
        const err5 = {
          instancePath: instancePath + '/binEdges',
          schemaPath: '#/properties/binEdges/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.threshold !== undefined) {
      let data4 = data.threshold;
      if (!(typeof data4 == 'number' && isFinite(data4))) {
        const err6 = {
          instancePath: instancePath + '/threshold',
          schemaPath: '#/properties/threshold/type',
          keyword: 'type',
          params: { type: 'number' },
          message: 'must be number',
        };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.p !== undefined) {
      let data5 = data.p;
      if (typeof data5 == 'number' && isFinite(data5)) {
        if (data5 >= 1 || isNaN(data5)) {
          const err7 = {
            instancePath: instancePath + '/p',
            schemaPath: '#/properties/p/exclusiveMaximum',
            keyword: 'exclusiveMaximum',
            params: { comparison: '<', limit: 1 },
            message: 'must be < 1',
          };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
        if (data5 <= 0 || isNaN(data5)) {
          const err8 = {
            instancePath: instancePath + '/p',
            schemaPath: '#/properties/p/exclusiveMinimum',
            keyword: 'exclusiveMinimum',
            params: { comparison: '>', limit: 0 },
            message: 'must be > 0',
          };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
      } else {
        const err9 = {
          instancePath: instancePath + '/p',
          schemaPath: '#/properties/p/type',
          keyword: 'type',
          params: { type: 'number' },
          message: 'must be number',
        };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.groupBy !== undefined) {
      if (
        !validate27(data.groupBy, {
          instancePath: instancePath + '/groupBy',
          parentData: data,
          parentDataProperty: 'groupBy',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate27.errors : vErrors.concat(validate27.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err10 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err10];
    } else {
      vErrors.push(err10);
    }
    errors++;
  }
  validate24.errors = vErrors;
  return errors === 0;
}
const schema12 = {
  type: 'object',
  additionalProperties: false,
  required: ['fields'],
  properties: {
    fields: {
      type: 'array',
      minItems: 1,
      maxItems: 64,
      items: { $ref: 'https://mpc.example/openapi/schemas#/$defs/FieldSpec' },
    },
  },
};
const schema13 = {
  oneOf: [
    { $ref: 'https://mpc.example/openapi/schemas#/$defs/IntegerField' },
    { $ref: 'https://mpc.example/openapi/schemas#/$defs/FixedPointField' },
    { $ref: 'https://mpc.example/openapi/schemas#/$defs/CategoryField' },
  ],
};
const schema14 = {
  description: 'An integer field; optional public inclusive bounds (safe integers).',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'type'],
  properties: {
    name: { $ref: 'https://mpc.example/openapi/schemas#/$defs/FieldName' },
    type: { type: 'string', const: 'int' },
    min: { type: 'integer', minimum: -9007199254740991, maximum: 9007199254740991 },
    max: { type: 'integer', minimum: -9007199254740991, maximum: 9007199254740991 },
  },
};
function validate33(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.name === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'name' },
        message: "must have required property '" + 'name' + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.type === undefined) {
      const err1 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'type' },
        message: "must have required property '" + 'type' + "'",
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === 'name' || key0 === 'type' || key0 === 'min' || key0 === 'max')) {
        const err2 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.name !== undefined) {
      if (
        !validate27(data.name, {
          instancePath: instancePath + '/name',
          parentData: data,
          parentDataProperty: 'name',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate27.errors : vErrors.concat(validate27.errors);
        errors = vErrors.length;
      }
    }
    if (data.type !== undefined) {
      let data1 = data.type;
      if (typeof data1 !== 'string') {
        const err3 = {
          instancePath: instancePath + '/type',
          schemaPath: '#/properties/type/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
      if ('int' !== data1) {
        const err4 = {
          instancePath: instancePath + '/type',
          schemaPath: '#/properties/type/const',
          keyword: 'const',
          params: { allowedValue: 'int' },
          message: 'must be equal to constant',
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.min !== undefined) {
      let data2 = data.min;
      if (!(typeof data2 == 'number' && !(data2 % 1) && !isNaN(data2) && isFinite(data2))) {
        const err5 = {
          instancePath: instancePath + '/min',
          schemaPath: '#/properties/min/type',
          keyword: 'type',
          params: { type: 'integer' },
          message: 'must be integer',
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
      if (typeof data2 == 'number' && isFinite(data2)) {
        if (data2 > 9007199254740991 || isNaN(data2)) {
          const err6 = {
            instancePath: instancePath + '/min',
            schemaPath: '#/properties/min/maximum',
            keyword: 'maximum',
            params: { comparison: '<=', limit: 9007199254740991 },
            message: 'must be <= 9007199254740991',
          };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
        if (data2 < -9007199254740991 || isNaN(data2)) {
          const err7 = {
            instancePath: instancePath + '/min',
            schemaPath: '#/properties/min/minimum',
            keyword: 'minimum',
            params: { comparison: '>=', limit: -9007199254740991 },
            message: 'must be >= -9007199254740991',
          };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      }
    }
    if (data.max !== undefined) {
      let data3 = data.max;
      if (!(typeof data3 == 'number' && !(data3 % 1) && !isNaN(data3) && isFinite(data3))) {
        const err8 = {
          instancePath: instancePath + '/max',
          schemaPath: '#/properties/max/type',
          keyword: 'type',
          params: { type: 'integer' },
          message: 'must be integer',
        };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
      if (typeof data3 == 'number' && isFinite(data3)) {
        if (data3 > 9007199254740991 || isNaN(data3)) {
          const err9 = {
            instancePath: instancePath + '/max',
            schemaPath: '#/properties/max/maximum',
            keyword: 'maximum',
            params: { comparison: '<=', limit: 9007199254740991 },
            message: 'must be <= 9007199254740991',
          };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
        if (data3 < -9007199254740991 || isNaN(data3)) {
          const err10 = {
            instancePath: instancePath + '/max',
            schemaPath: '#/properties/max/minimum',
            keyword: 'minimum',
            params: { comparison: '>=', limit: -9007199254740991 },
            message: 'must be >= -9007199254740991',
          };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      }
    }
  } else {
    const err11 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err11];
    } else {
      vErrors.push(err11);
    }
    errors++;
  }
  validate33.errors = vErrors;
  return errors === 0;
}
const schema15 = {
  description: 'A real field encoded as round(x * 2^fractionalBits); default 16 fractional bits.',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'type'],
  properties: {
    name: { $ref: 'https://mpc.example/openapi/schemas#/$defs/FieldName' },
    type: { type: 'string', const: 'fixed' },
    fractionalBits: { type: 'integer', minimum: 0, maximum: 30, default: 16 },
    min: { type: 'number' },
    max: { type: 'number' },
  },
};
function validate36(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.name === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'name' },
        message: "must have required property '" + 'name' + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.type === undefined) {
      const err1 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'type' },
        message: "must have required property '" + 'type' + "'",
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(
        key0 === 'name' ||
        key0 === 'type' ||
        key0 === 'fractionalBits' ||
        key0 === 'min' ||
        key0 === 'max'
      )) {
        const err2 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.name !== undefined) {
      if (
        !validate27(data.name, {
          instancePath: instancePath + '/name',
          parentData: data,
          parentDataProperty: 'name',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate27.errors : vErrors.concat(validate27.errors);
        errors = vErrors.length;
      }
    }
    if (data.type !== undefined) {
      let data1 = data.type;
      if (typeof data1 !== 'string') {
        const err3 = {
          instancePath: instancePath + '/type',
          schemaPath: '#/properties/type/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
      if ('fixed' !== data1) {
        const err4 = {
          instancePath: instancePath + '/type',
          schemaPath: '#/properties/type/const',
          keyword: 'const',
          params: { allowedValue: 'fixed' },
          message: 'must be equal to constant',
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.fractionalBits !== undefined) {
      let data2 = data.fractionalBits;
      if (!(typeof data2 == 'number' && !(data2 % 1) && !isNaN(data2) && isFinite(data2))) {
        const err5 = {
          instancePath: instancePath + '/fractionalBits',
          schemaPath: '#/properties/fractionalBits/type',
          keyword: 'type',
          params: { type: 'integer' },
          message: 'must be integer',
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
      if (typeof data2 == 'number' && isFinite(data2)) {
        if (data2 > 30 || isNaN(data2)) {
          const err6 = {
            instancePath: instancePath + '/fractionalBits',
            schemaPath: '#/properties/fractionalBits/maximum',
            keyword: 'maximum',
            params: { comparison: '<=', limit: 30 },
            message: 'must be <= 30',
          };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
        if (data2 < 0 || isNaN(data2)) {
          const err7 = {
            instancePath: instancePath + '/fractionalBits',
            schemaPath: '#/properties/fractionalBits/minimum',
            keyword: 'minimum',
            params: { comparison: '>=', limit: 0 },
            message: 'must be >= 0',
          };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      }
    }
    if (data.min !== undefined) {
      let data3 = data.min;
      if (!(typeof data3 == 'number' && isFinite(data3))) {
        const err8 = {
          instancePath: instancePath + '/min',
          schemaPath: '#/properties/min/type',
          keyword: 'type',
          params: { type: 'number' },
          message: 'must be number',
        };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.max !== undefined) {
      let data4 = data.max;
      if (!(typeof data4 == 'number' && isFinite(data4))) {
        const err9 = {
          instancePath: instancePath + '/max',
          schemaPath: '#/properties/max/type',
          keyword: 'type',
          params: { type: 'number' },
          message: 'must be number',
        };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
  } else {
    const err10 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err10];
    } else {
      vErrors.push(err10);
    }
    errors++;
  }
  validate36.errors = vErrors;
  return errors === 0;
}
const schema16 = {
  description:
    "A categorical field with public labels, only for `groupBy`. A row holds its category's index\n(0-based), checked like an int field with bounds [0, categories - 1]; the CLI also reads the labels.\n",
  type: 'object',
  additionalProperties: false,
  required: ['name', 'type', 'categories'],
  properties: {
    name: { $ref: 'https://mpc.example/openapi/schemas#/$defs/FieldName' },
    type: { type: 'string', const: 'category' },
    categories: {
      type: 'array',
      minItems: 1,
      maxItems: 64,
      uniqueItems: true,
      items: { type: 'string', minLength: 1, maxLength: 64 },
    },
  },
};
function validate39(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.name === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'name' },
        message: "must have required property '" + 'name' + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.type === undefined) {
      const err1 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'type' },
        message: "must have required property '" + 'type' + "'",
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.categories === undefined) {
      const err2 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'categories' },
        message: "must have required property '" + 'categories' + "'",
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === 'name' || key0 === 'type' || key0 === 'categories')) {
        const err3 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.name !== undefined) {
      if (
        !validate27(data.name, {
          instancePath: instancePath + '/name',
          parentData: data,
          parentDataProperty: 'name',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate27.errors : vErrors.concat(validate27.errors);
        errors = vErrors.length;
      }
    }
    if (data.type !== undefined) {
      let data1 = data.type;
      if (typeof data1 !== 'string') {
        const err4 = {
          instancePath: instancePath + '/type',
          schemaPath: '#/properties/type/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
      if ('category' !== data1) {
        const err5 = {
          instancePath: instancePath + '/type',
          schemaPath: '#/properties/type/const',
          keyword: 'const',
          params: { allowedValue: 'category' },
          message: 'must be equal to constant',
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.categories !== undefined) {
      let data2 = data.categories;
      if (Array.isArray(data2)) {
        if (data2.length > 64) {
          const err6 = {
            instancePath: instancePath + '/categories',
            schemaPath: '#/properties/categories/maxItems',
            keyword: 'maxItems',
            params: { limit: 64 },
            message: 'must NOT have more than 64 items',
          };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
        if (data2.length < 1) {
          const err7 = {
            instancePath: instancePath + '/categories',
            schemaPath: '#/properties/categories/minItems',
            keyword: 'minItems',
            params: { limit: 1 },
            message: 'must NOT have fewer than 1 items',
          };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
        const len0 = data2.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data3 = data2[i0];
          if (typeof data3 === 'string') {
            if (func3(data3) > 64) {
              const err8 = {
                instancePath: instancePath + '/categories/' + i0,
                schemaPath: '#/properties/categories/items/maxLength',
                keyword: 'maxLength',
                params: { limit: 64 },
                message: 'must NOT have more than 64 characters',
              };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
            if (func3(data3) < 1) {
              const err9 = {
                instancePath: instancePath + '/categories/' + i0,
                schemaPath: '#/properties/categories/items/minLength',
                keyword: 'minLength',
                params: { limit: 1 },
                message: 'must NOT have fewer than 1 characters',
              };
              if (vErrors === null) {
                vErrors = [err9];
              } else {
                vErrors.push(err9);
              }
              errors++;
            }
          } else {
            const err10 = {
              instancePath: instancePath + '/categories/' + i0,
              schemaPath: '#/properties/categories/items/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
        let i1 = data2.length;
        let j0;
        if (i1 > 1) {
          const indices0 = {};
          for (; i1--;) {
            let item0 = data2[i1];
            if (typeof item0 !== 'string') {
              continue;
            }
            if (typeof indices0[item0] == 'number') {
              j0 = indices0[item0];
              const err11 = {
                instancePath: instancePath + '/categories',
                schemaPath: '#/properties/categories/uniqueItems',
                keyword: 'uniqueItems',
                params: { i: i1, j: j0 },
                message: 'must NOT have duplicate items (items ## ' + j0 + ' and ' + i1 + ' are identical)',
              };
              if (vErrors === null) {
                vErrors = [err11];
              } else {
                vErrors.push(err11);
              }
              errors++;
              break;
            }
            indices0[item0] = i1;
          }
        }
      } else {
        const err12 = {
          instancePath: instancePath + '/categories',
          schemaPath: '#/properties/categories/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
        };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
  } else {
    const err13 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err13];
    } else {
      vErrors.push(err13);
    }
    errors++;
  }
  validate39.errors = vErrors;
  return errors === 0;
}
function validate32(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  let valid0 = false;
  let passing0 = null;
  const _errs1 = errors;
  if (!validate33(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate33.errors : vErrors.concat(validate33.errors);
    errors = vErrors.length;
  }
  var _valid0 = _errs1 === errors;
  if (_valid0) {
    valid0 = true;
    passing0 = 0;
  }
  const _errs2 = errors;
  if (!validate36(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate36.errors : vErrors.concat(validate36.errors);
    errors = vErrors.length;
  }
  var _valid0 = _errs2 === errors;
  if (_valid0 && valid0) {
    valid0 = false;
    passing0 = [passing0, 1];
  } else {
    if (_valid0) {
      valid0 = true;
      passing0 = 1;
    }
    const _errs3 = errors;
    if (!validate39(data, { instancePath, parentData, parentDataProperty, rootData })) {
      vErrors = vErrors === null ? validate39.errors : vErrors.concat(validate39.errors);
      errors = vErrors.length;
    }
    var _valid0 = _errs3 === errors;
    if (_valid0 && valid0) {
      valid0 = false;
      passing0 = [passing0, 2];
    } else {
      if (_valid0) {
        valid0 = true;
        passing0 = 2;
      }
    }
  }
  if (!valid0) {
    const err0 = {
      instancePath,
      schemaPath: '#/oneOf',
      keyword: 'oneOf',
      params: { passingSchemas: passing0 },
      message: 'must match exactly one schema in oneOf',
    };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  } else {
    errors = _errs0;
    if (vErrors !== null) {
      if (_errs0) {
        vErrors.length = _errs0;
      } else {
        vErrors = null;
      }
    }
  }
  validate32.errors = vErrors;
  return errors === 0;
}
function validate31(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.fields === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'fields' },
        message: "must have required property '" + 'fields' + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === 'fields')) {
        const err1 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.fields !== undefined) {
      let data0 = data.fields;
      if (Array.isArray(data0)) {
        if (data0.length > 64) {
          const err2 = {
            instancePath: instancePath + '/fields',
            schemaPath: '#/properties/fields/maxItems',
            keyword: 'maxItems',
            params: { limit: 64 },
            message: 'must NOT have more than 64 items',
          };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        if (data0.length < 1) {
          const err3 = {
            instancePath: instancePath + '/fields',
            schemaPath: '#/properties/fields/minItems',
            keyword: 'minItems',
            params: { limit: 1 },
            message: 'must NOT have fewer than 1 items',
          };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (
            !validate32(data0[i0], {
              instancePath: instancePath + '/fields/' + i0,
              parentData: data0,
              parentDataProperty: i0,
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate32.errors : vErrors.concat(validate32.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err4 = {
          instancePath: instancePath + '/fields',
          schemaPath: '#/properties/fields/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
  } else {
    const err5 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err5];
    } else {
      vErrors.push(err5);
    }
    errors++;
  }
  validate31.errors = vErrors;
  return errors === 0;
}
const schema17 = { type: 'string', format: 'date-time' };
const formats0 = formats['date-time'];
function validate44(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (typeof data === 'string') {
    if (!formats0.validate(data)) {
      const err0 = {
        instancePath,
        schemaPath: '#/format',
        keyword: 'format',
        params: { format: 'date-time' },
        message: 'must match format "' + 'date-time' + '"',
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
  } else {
    const err1 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'string' },
      message: 'must be string',
    };
    if (vErrors === null) {
      vErrors = [err1];
    } else {
      vErrors.push(err1);
    }
    errors++;
  }
  validate44.errors = vErrors;
  return errors === 0;
}
const schema18 = {
  description:
    'Who receives the result: `all-participants` (every participant whose input was counted and not\nexcluded) or a list of clients, who must join to receive it (and be invited, with an invite list).\n',
  oneOf: [
    { type: 'string', const: 'all-participants' },
    {
      type: 'array',
      minItems: 1,
      maxItems: 1000,
      uniqueItems: true,
      items: { $ref: 'https://mpc.example/openapi/schemas#/$defs/ClientId' },
    },
  ],
};
const schema19 = {
  description: "An OAuth2 client id (the `client_id` claim of the caller's token).",
  type: 'string',
  pattern: '^[A-Za-z0-9_+-]{1,128}$',
};
const pattern1 = new RegExp('^[A-Za-z0-9_+-]{1,128}$', 'u');
function validate47(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (typeof data === 'string') {
    if (!pattern1.test(data)) {
      const err0 = {
        instancePath,
        schemaPath: '#/pattern',
        keyword: 'pattern',
        params: { pattern: '^[A-Za-z0-9_+-]{1,128}$' },
        message: 'must match pattern "' + '^[A-Za-z0-9_+-]{1,128}$' + '"',
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
  } else {
    const err1 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'string' },
      message: 'must be string',
    };
    if (vErrors === null) {
      vErrors = [err1];
    } else {
      vErrors.push(err1);
    }
    errors++;
  }
  validate47.errors = vErrors;
  return errors === 0;
}
import func0Module from 'ajv/dist/runtime/equal.js';
const func0 = commonJs(func0Module);
function validate46(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  let valid0 = false;
  let passing0 = null;
  const _errs1 = errors;
  if (typeof data !== 'string') {
    const err0 = {
      instancePath,
      schemaPath: '#/oneOf/0/type',
      keyword: 'type',
      params: { type: 'string' },
      message: 'must be string',
    };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  if ('all-participants' !== data) {
    const err1 = {
      instancePath,
      schemaPath: '#/oneOf/0/const',
      keyword: 'const',
      params: { allowedValue: 'all-participants' },
      message: 'must be equal to constant',
    };
    if (vErrors === null) {
      vErrors = [err1];
    } else {
      vErrors.push(err1);
    }
    errors++;
  }
  var _valid0 = _errs1 === errors;
  if (_valid0) {
    valid0 = true;
    passing0 = 0;
  }
  const _errs3 = errors;
  if (Array.isArray(data)) {
    if (data.length > 1000) {
      const err2 = {
        instancePath,
        schemaPath: '#/oneOf/1/maxItems',
        keyword: 'maxItems',
        params: { limit: 1000 },
        message: 'must NOT have more than 1000 items',
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.length < 1) {
      const err3 = {
        instancePath,
        schemaPath: '#/oneOf/1/minItems',
        keyword: 'minItems',
        params: { limit: 1 },
        message: 'must NOT have fewer than 1 items',
      };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    const len0 = data.length;
    for (let i0 = 0; i0 < len0; i0++) {
      if (
        !validate47(data[i0], {
          instancePath: instancePath + '/' + i0,
          parentData: data,
          parentDataProperty: i0,
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate47.errors : vErrors.concat(validate47.errors);
        errors = vErrors.length;
      }
    }
    let i1 = data.length;
    let j0;
    if (i1 > 1) {
      outer0: for (; i1--;) {
        for (j0 = i1; j0--;) {
          if (func0(data[i1], data[j0])) {
            const err4 = {
              instancePath,
              schemaPath: '#/oneOf/1/uniqueItems',
              keyword: 'uniqueItems',
              params: { i: i1, j: j0 },
              message: 'must NOT have duplicate items (items ## ' + j0 + ' and ' + i1 + ' are identical)',
            };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
            break outer0;
          }
        }
      }
    }
  } else {
    const err5 = {
      instancePath,
      schemaPath: '#/oneOf/1/type',
      keyword: 'type',
      params: { type: 'array' },
      message: 'must be array',
    };
    if (vErrors === null) {
      vErrors = [err5];
    } else {
      vErrors.push(err5);
    }
    errors++;
  }
  var _valid0 = _errs3 === errors;
  if (_valid0 && valid0) {
    valid0 = false;
    passing0 = [passing0, 1];
  } else {
    if (_valid0) {
      valid0 = true;
      passing0 = 1;
    }
  }
  if (!valid0) {
    const err6 = {
      instancePath,
      schemaPath: '#/oneOf',
      keyword: 'oneOf',
      params: { passingSchemas: passing0 },
      message: 'must match exactly one schema in oneOf',
    };
    if (vErrors === null) {
      vErrors = [err6];
    } else {
      vErrors.push(err6);
    }
    errors++;
  } else {
    errors = _errs0;
    if (vErrors !== null) {
      if (_errs0) {
        vErrors.length = _errs0;
      } else {
        vErrors = null;
      }
    }
  }
  validate46.errors = vErrors;
  return errors === 0;
}
const schema20 = {
  description: 'The only clients that may join; the owner is not implied (list it to take part).',
  type: 'array',
  minItems: 1,
  maxItems: 1000,
  uniqueItems: true,
  items: { $ref: 'https://mpc.example/openapi/schemas#/$defs/ClientId' },
};
function validate50(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (Array.isArray(data)) {
    if (data.length > 1000) {
      const err0 = {
        instancePath,
        schemaPath: '#/maxItems',
        keyword: 'maxItems',
        params: { limit: 1000 },
        message: 'must NOT have more than 1000 items',
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.length < 1) {
      const err1 = {
        instancePath,
        schemaPath: '#/minItems',
        keyword: 'minItems',
        params: { limit: 1 },
        message: 'must NOT have fewer than 1 items',
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    const len0 = data.length;
    for (let i0 = 0; i0 < len0; i0++) {
      if (
        !validate47(data[i0], {
          instancePath: instancePath + '/' + i0,
          parentData: data,
          parentDataProperty: i0,
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate47.errors : vErrors.concat(validate47.errors);
        errors = vErrors.length;
      }
    }
    let i1 = data.length;
    let j0;
    if (i1 > 1) {
      outer0: for (; i1--;) {
        for (j0 = i1; j0--;) {
          if (func0(data[i1], data[j0])) {
            const err2 = {
              instancePath,
              schemaPath: '#/uniqueItems',
              keyword: 'uniqueItems',
              params: { i: i1, j: j0 },
              message: 'must NOT have duplicate items (items ## ' + j0 + ' and ' + i1 + ' are identical)',
            };
            if (vErrors === null) {
              vErrors = [err2];
            } else {
              vErrors.push(err2);
            }
            errors++;
            break outer0;
          }
        }
      }
    }
  } else {
    const err3 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'array' },
      message: 'must be array',
    };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
  }
  validate50.errors = vErrors;
  return errors === 0;
}
const schema21 = {
  description:
    'Minimum cell size k: every histogram bin and every group-by cell with fewer than k rows is suppressed\nobliviously, with every figure of the cell (the result says only that it held fewer than k rows; its\ncount is null or absent). Needs a histogram or a grouped analysis (groupBy).\n',
  type: 'integer',
  minimum: 2,
  maximum: 1000000,
};
function validate53(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (!(typeof data == 'number' && !(data % 1) && !isNaN(data) && isFinite(data))) {
    const err0 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'integer' },
      message: 'must be integer',
    };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  if (typeof data == 'number' && isFinite(data)) {
    if (data > 1000000 || isNaN(data)) {
      const err1 = {
        instancePath,
        schemaPath: '#/maximum',
        keyword: 'maximum',
        params: { comparison: '<=', limit: 1000000 },
        message: 'must be <= 1000000',
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data < 2 || isNaN(data)) {
      const err2 = {
        instancePath,
        schemaPath: '#/minimum',
        keyword: 'minimum',
        params: { comparison: '>=', limit: 2 },
        message: 'must be >= 2',
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
  }
  validate53.errors = vErrors;
  return errors === 0;
}
const schema22 = {
  description:
    "Differential privacy for the result: both servers add discrete Laplace noise to every released figure\n(each server an independent sample of the full scale, so neither can remove the other's), with\nsensitivity from the fields' declared bounds and maxRowsPerParticipant rows per participant (declare it:\nthe default 16777216 makes the noise of a count that large), and epsilon split evenly over the figures\n(basic composition). The mechanism is pure: the result spends (epsilon, 0);\ndelta is the most the collaboration allows. The budget is spent when a result is released only.\n",
  type: 'object',
  additionalProperties: false,
  required: ['epsilon', 'delta'],
  properties: {
    epsilon: { description: 'At most 6 decimal places.', type: 'number', exclusiveMinimum: 0, maximum: 10 },
    delta: { type: 'number', minimum: 0, maximum: 0.001 },
  },
};
function validate55(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.epsilon === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'epsilon' },
        message: "must have required property '" + 'epsilon' + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.delta === undefined) {
      const err1 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'delta' },
        message: "must have required property '" + 'delta' + "'",
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === 'epsilon' || key0 === 'delta')) {
        const err2 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.epsilon !== undefined) {
      let data0 = data.epsilon;
      if (typeof data0 == 'number' && isFinite(data0)) {
        if (data0 > 10 || isNaN(data0)) {
          const err3 = {
            instancePath: instancePath + '/epsilon',
            schemaPath: '#/properties/epsilon/maximum',
            keyword: 'maximum',
            params: { comparison: '<=', limit: 10 },
            message: 'must be <= 10',
          };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
        if (data0 <= 0 || isNaN(data0)) {
          const err4 = {
            instancePath: instancePath + '/epsilon',
            schemaPath: '#/properties/epsilon/exclusiveMinimum',
            keyword: 'exclusiveMinimum',
            params: { comparison: '>', limit: 0 },
            message: 'must be > 0',
          };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = {
          instancePath: instancePath + '/epsilon',
          schemaPath: '#/properties/epsilon/type',
          keyword: 'type',
          params: { type: 'number' },
          message: 'must be number',
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.delta !== undefined) {
      let data1 = data.delta;
      if (typeof data1 == 'number' && isFinite(data1)) {
        if (data1 > 0.001 || isNaN(data1)) {
          const err6 = {
            instancePath: instancePath + '/delta',
            schemaPath: '#/properties/delta/maximum',
            keyword: 'maximum',
            params: { comparison: '<=', limit: 0.001 },
            message: 'must be <= 0.001',
          };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
        if (data1 < 0 || isNaN(data1)) {
          const err7 = {
            instancePath: instancePath + '/delta',
            schemaPath: '#/properties/delta/minimum',
            keyword: 'minimum',
            params: { comparison: '>=', limit: 0 },
            message: 'must be >= 0',
          };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      } else {
        const err8 = {
          instancePath: instancePath + '/delta',
          schemaPath: '#/properties/delta/type',
          keyword: 'type',
          params: { type: 'number' },
          message: 'must be number',
        };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
  } else {
    const err9 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err9];
    } else {
      vErrors.push(err9);
    }
    errors++;
  }
  validate55.errors = vErrors;
  return errors === 0;
}
const schema23 = {
  description:
    "The most rows one participant's input may hold (absent: 16777216, the system's cap). An input declaring\nmore is refused with `validation-error` (400) and the computation servers exclude a share holding more;\ndifferential privacy scales its noise to it (the most rows one participant can add or remove). Part of\nthe declaration every input is sealed under, so nobody can change it afterwards.\n",
  type: 'integer',
  minimum: 1,
  maximum: 16777216,
};
function validate57(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (!(typeof data == 'number' && !(data % 1) && !isNaN(data) && isFinite(data))) {
    const err0 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'integer' },
      message: 'must be integer',
    };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  if (typeof data == 'number' && isFinite(data)) {
    if (data > 16777216 || isNaN(data)) {
      const err1 = {
        instancePath,
        schemaPath: '#/maximum',
        keyword: 'maximum',
        params: { comparison: '<=', limit: 16777216 },
        message: 'must be <= 16777216',
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data < 1 || isNaN(data)) {
      const err2 = {
        instancePath,
        schemaPath: '#/minimum',
        keyword: 'minimum',
        params: { comparison: '>=', limit: 1 },
        message: 'must be >= 1',
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
  }
  validate57.errors = vErrors;
  return errors === 0;
}
function validate23(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.name === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'name' },
        message: "must have required property '" + 'name' + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.analyses === undefined) {
      const err1 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'analyses' },
        message: "must have required property '" + 'analyses' + "'",
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.inputSchema === undefined) {
      const err2 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'inputSchema' },
        message: "must have required property '" + 'inputSchema' + "'",
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.minParticipants === undefined) {
      const err3 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'minParticipants' },
        message: "must have required property '" + 'minParticipants' + "'",
      };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.maxParticipants === undefined) {
      const err4 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'maxParticipants' },
        message: "must have required property '" + 'maxParticipants' + "'",
      };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.inputDeadline === undefined) {
      const err5 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'inputDeadline' },
        message: "must have required property '" + 'inputDeadline' + "'",
      };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.resultRecipients === undefined) {
      const err6 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'resultRecipients' },
        message: "must have required property '" + 'resultRecipients' + "'",
      };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func2.call(schema8.properties, key0)) {
        const err7 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
        };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.name !== undefined) {
      let data0 = data.name;
      if (typeof data0 === 'string') {
        if (func3(data0) > 200) {
          const err8 = {
            instancePath: instancePath + '/name',
            schemaPath: '#/properties/name/maxLength',
            keyword: 'maxLength',
            params: { limit: 200 },
            message: 'must NOT have more than 200 characters',
          };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
        if (func3(data0) < 1) {
          const err9 = {
            instancePath: instancePath + '/name',
            schemaPath: '#/properties/name/minLength',
            keyword: 'minLength',
            params: { limit: 1 },
            message: 'must NOT have fewer than 1 characters',
          };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      } else {
        const err10 = {
          instancePath: instancePath + '/name',
          schemaPath: '#/properties/name/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.description !== undefined) {
      let data1 = data.description;
      if (typeof data1 === 'string') {
        if (func3(data1) > 4000) {
          const err11 = {
            instancePath: instancePath + '/description',
            schemaPath: '#/properties/description/maxLength',
            keyword: 'maxLength',
            params: { limit: 4000 },
            message: 'must NOT have more than 4000 characters',
          };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
      } else {
        const err12 = {
          instancePath: instancePath + '/description',
          schemaPath: '#/properties/description/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.analyses !== undefined) {
      let data2 = data.analyses;
      if (Array.isArray(data2)) {
        if (data2.length > 32) {
          const err13 = {
            instancePath: instancePath + '/analyses',
            schemaPath: '#/properties/analyses/maxItems',
            keyword: 'maxItems',
            params: { limit: 32 },
            message: 'must NOT have more than 32 items',
          };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
        }
        if (data2.length < 1) {
          const err14 = {
            instancePath: instancePath + '/analyses',
            schemaPath: '#/properties/analyses/minItems',
            keyword: 'minItems',
            params: { limit: 1 },
            message: 'must NOT have fewer than 1 items',
          };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
        const len0 = data2.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (
            !validate24(data2[i0], {
              instancePath: instancePath + '/analyses/' + i0,
              parentData: data2,
              parentDataProperty: i0,
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err15 = {
          instancePath: instancePath + '/analyses',
          schemaPath: '#/properties/analyses/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
        };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    if (data.inputSchema !== undefined) {
      if (
        !validate31(data.inputSchema, {
          instancePath: instancePath + '/inputSchema',
          parentData: data,
          parentDataProperty: 'inputSchema',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
        errors = vErrors.length;
      }
    }
    if (data.minParticipants !== undefined) {
      let data5 = data.minParticipants;
      if (!(typeof data5 == 'number' && !(data5 % 1) && !isNaN(data5) && isFinite(data5))) {
        const err16 = {
          instancePath: instancePath + '/minParticipants',
          schemaPath: '#/properties/minParticipants/type',
          keyword: 'type',
          params: { type: 'integer' },
          message: 'must be integer',
        };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
      if (typeof data5 == 'number' && isFinite(data5)) {
        if (data5 > 1000 || isNaN(data5)) {
          const err17 = {
            instancePath: instancePath + '/minParticipants',
            schemaPath: '#/properties/minParticipants/maximum',
            keyword: 'maximum',
            params: { comparison: '<=', limit: 1000 },
            message: 'must be <= 1000',
          };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
        if (data5 < 1 || isNaN(data5)) {
          const err18 = {
            instancePath: instancePath + '/minParticipants',
            schemaPath: '#/properties/minParticipants/minimum',
            keyword: 'minimum',
            params: { comparison: '>=', limit: 1 },
            message: 'must be >= 1',
          };
          if (vErrors === null) {
            vErrors = [err18];
          } else {
            vErrors.push(err18);
          }
          errors++;
        }
      }
    }
    if (data.maxParticipants !== undefined) {
      let data6 = data.maxParticipants;
      if (!(typeof data6 == 'number' && !(data6 % 1) && !isNaN(data6) && isFinite(data6))) {
        const err19 = {
          instancePath: instancePath + '/maxParticipants',
          schemaPath: '#/properties/maxParticipants/type',
          keyword: 'type',
          params: { type: 'integer' },
          message: 'must be integer',
        };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
      if (typeof data6 == 'number' && isFinite(data6)) {
        if (data6 > 1000 || isNaN(data6)) {
          const err20 = {
            instancePath: instancePath + '/maxParticipants',
            schemaPath: '#/properties/maxParticipants/maximum',
            keyword: 'maximum',
            params: { comparison: '<=', limit: 1000 },
            message: 'must be <= 1000',
          };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
        if (data6 < 1 || isNaN(data6)) {
          const err21 = {
            instancePath: instancePath + '/maxParticipants',
            schemaPath: '#/properties/maxParticipants/minimum',
            keyword: 'minimum',
            params: { comparison: '>=', limit: 1 },
            message: 'must be >= 1',
          };
          if (vErrors === null) {
            vErrors = [err21];
          } else {
            vErrors.push(err21);
          }
          errors++;
        }
      }
    }
    if (data.inputDeadline !== undefined) {
      if (
        !validate44(data.inputDeadline, {
          instancePath: instancePath + '/inputDeadline',
          parentData: data,
          parentDataProperty: 'inputDeadline',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate44.errors : vErrors.concat(validate44.errors);
        errors = vErrors.length;
      }
    }
    if (data.resultRecipients !== undefined) {
      if (
        !validate46(data.resultRecipients, {
          instancePath: instancePath + '/resultRecipients',
          parentData: data,
          parentDataProperty: 'resultRecipients',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate46.errors : vErrors.concat(validate46.errors);
        errors = vErrors.length;
      }
    }
    if (data.participants !== undefined) {
      if (
        !validate50(data.participants, {
          instancePath: instancePath + '/participants',
          parentData: data,
          parentDataProperty: 'participants',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate50.errors : vErrors.concat(validate50.errors);
        errors = vErrors.length;
      }
    }
    if (data.minCellSize !== undefined) {
      if (
        !validate53(data.minCellSize, {
          instancePath: instancePath + '/minCellSize',
          parentData: data,
          parentDataProperty: 'minCellSize',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate53.errors : vErrors.concat(validate53.errors);
        errors = vErrors.length;
      }
    }
    if (data.privacy !== undefined) {
      if (
        !validate55(data.privacy, {
          instancePath: instancePath + '/privacy',
          parentData: data,
          parentDataProperty: 'privacy',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate55.errors : vErrors.concat(validate55.errors);
        errors = vErrors.length;
      }
    }
    if (data.maxRowsPerParticipant !== undefined) {
      if (
        !validate57(data.maxRowsPerParticipant, {
          instancePath: instancePath + '/maxRowsPerParticipant',
          parentData: data,
          parentDataProperty: 'maxRowsPerParticipant',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate57.errors : vErrors.concat(validate57.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err22 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err22];
    } else {
      vErrors.push(err22);
    }
    errors++;
  }
  validate23.errors = vErrors;
  return errors === 0;
}
function validate21(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  /*# sourceURL="urn:check:check0" */ let vErrors = null;
  let errors = 0;
  if (!validate23(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
    errors = vErrors.length;
  }
  validate21.errors = vErrors;
  return errors === 0;
}
export const check1 = validate60;
const schema24 = {
  $ref: 'https://mpc.example/openapi/schemas#/$defs/JoinCollaborationRequest',
  $id: 'urn:check:check1',
};
const schema25 = {
  type: 'object',
  additionalProperties: false,
  required: ['resultPublicKey'],
  properties: {
    resultPublicKey: {
      description: "The participant's X25519 key the servers seal result shares to.",
      $ref: 'https://mpc.example/openapi/schemas#/$defs/X25519PublicKey',
    },
    webhookUrl: {
      description:
        'Notified (Standard Webhooks) when the result is ready. https to a public host (the local runtime also accepts http to a loopback host).',
      type: 'string',
      format: 'uri',
      maxLength: 2048,
    },
  },
};
const schema26 = {
  description: 'Raw 32-byte X25519 public key, base64url without padding.',
  type: 'string',
  pattern: '^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$',
};
const pattern2 = new RegExp('^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$', 'u');
function validate62(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (typeof data === 'string') {
    if (!pattern2.test(data)) {
      const err0 = {
        instancePath,
        schemaPath: '#/pattern',
        keyword: 'pattern',
        params: { pattern: '^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$' },
        message: 'must match pattern "' + '^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$' + '"',
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
  } else {
    const err1 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'string' },
      message: 'must be string',
    };
    if (vErrors === null) {
      vErrors = [err1];
    } else {
      vErrors.push(err1);
    }
    errors++;
  }
  validate62.errors = vErrors;
  return errors === 0;
}
const formats2 = formats.uri;
function validate61(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.resultPublicKey === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'resultPublicKey' },
        message: "must have required property '" + 'resultPublicKey' + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === 'resultPublicKey' || key0 === 'webhookUrl')) {
        const err1 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.resultPublicKey !== undefined) {
      if (
        !validate62(data.resultPublicKey, {
          instancePath: instancePath + '/resultPublicKey',
          parentData: data,
          parentDataProperty: 'resultPublicKey',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate62.errors : vErrors.concat(validate62.errors);
        errors = vErrors.length;
      }
    }
    if (data.webhookUrl !== undefined) {
      let data1 = data.webhookUrl;
      if (typeof data1 === 'string') {
        if (func3(data1) > 2048) {
          const err2 = {
            instancePath: instancePath + '/webhookUrl',
            schemaPath: '#/properties/webhookUrl/maxLength',
            keyword: 'maxLength',
            params: { limit: 2048 },
            message: 'must NOT have more than 2048 characters',
          };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        if (!formats2(data1)) {
          const err3 = {
            instancePath: instancePath + '/webhookUrl',
            schemaPath: '#/properties/webhookUrl/format',
            keyword: 'format',
            params: { format: 'uri' },
            message: 'must match format "' + 'uri' + '"',
          };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = {
          instancePath: instancePath + '/webhookUrl',
          schemaPath: '#/properties/webhookUrl/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
  } else {
    const err5 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err5];
    } else {
      vErrors.push(err5);
    }
    errors++;
  }
  validate61.errors = vErrors;
  return errors === 0;
}
function validate60(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  /*# sourceURL="urn:check:check1" */ let vErrors = null;
  let errors = 0;
  if (!validate61(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate61.errors : vErrors.concat(validate61.errors);
    errors = vErrors.length;
  }
  validate60.errors = vErrors;
  return errors === 0;
}
export const check2 = validate65;
const schema27 = {
  $ref: 'https://mpc.example/openapi/schemas#/$defs/CreateInputRequest',
  $id: 'urn:check:check2',
};
const schema28 = {
  type: 'object',
  additionalProperties: false,
  required: ['shares'],
  properties: {
    rowCount: {
      description:
        "Rows in this input. The dealer plans the computation with it, and the sealed shares must have\nexactly the size the input codec gives for this many rows of the collaboration's schema (plus the\nHPKE envelope); a mismatch refuses the input. Without it, the rows are derived from B's share size.\nMore rows than the collaboration's maxRowsPerParticipant refuse the input (validation-error).\n",
      type: 'integer',
      minimum: 1,
      maximum: 16777216,
    },
    shares: {
      type: 'object',
      additionalProperties: false,
      required: ['A', 'B'],
      properties: {
        A: { $ref: 'https://mpc.example/openapi/schemas#/$defs/ShareDeclaration' },
        B: { $ref: 'https://mpc.example/openapi/schemas#/$defs/ShareDeclaration' },
      },
    },
  },
};
const schema29 = {
  type: 'object',
  additionalProperties: false,
  required: ['sizeBytes', 'sha256'],
  properties: {
    sizeBytes: {
      description: 'Exact size of the sealed share; at most the configured limit (64 MiB by default).',
      type: 'integer',
      minimum: 1,
      maximum: 1073741824,
    },
    sha256: { $ref: 'https://mpc.example/openapi/schemas#/$defs/Sha256' },
  },
};
const schema30 = {
  description: 'Base64 (standard alphabet, padded) SHA-256 digest, as in `x-amz-checksum-sha256`.',
  type: 'string',
  pattern: '^[A-Za-z0-9+/]{43}=$',
};
const pattern3 = new RegExp('^[A-Za-z0-9+/]{43}=$', 'u');
function validate68(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (typeof data === 'string') {
    if (!pattern3.test(data)) {
      const err0 = {
        instancePath,
        schemaPath: '#/pattern',
        keyword: 'pattern',
        params: { pattern: '^[A-Za-z0-9+/]{43}=$' },
        message: 'must match pattern "' + '^[A-Za-z0-9+/]{43}=$' + '"',
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
  } else {
    const err1 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'string' },
      message: 'must be string',
    };
    if (vErrors === null) {
      vErrors = [err1];
    } else {
      vErrors.push(err1);
    }
    errors++;
  }
  validate68.errors = vErrors;
  return errors === 0;
}
function validate67(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.sizeBytes === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'sizeBytes' },
        message: "must have required property '" + 'sizeBytes' + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.sha256 === undefined) {
      const err1 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'sha256' },
        message: "must have required property '" + 'sha256' + "'",
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === 'sizeBytes' || key0 === 'sha256')) {
        const err2 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.sizeBytes !== undefined) {
      let data0 = data.sizeBytes;
      if (!(typeof data0 == 'number' && !(data0 % 1) && !isNaN(data0) && isFinite(data0))) {
        const err3 = {
          instancePath: instancePath + '/sizeBytes',
          schemaPath: '#/properties/sizeBytes/type',
          keyword: 'type',
          params: { type: 'integer' },
          message: 'must be integer',
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
      if (typeof data0 == 'number' && isFinite(data0)) {
        if (data0 > 1073741824 || isNaN(data0)) {
          const err4 = {
            instancePath: instancePath + '/sizeBytes',
            schemaPath: '#/properties/sizeBytes/maximum',
            keyword: 'maximum',
            params: { comparison: '<=', limit: 1073741824 },
            message: 'must be <= 1073741824',
          };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
        if (data0 < 1 || isNaN(data0)) {
          const err5 = {
            instancePath: instancePath + '/sizeBytes',
            schemaPath: '#/properties/sizeBytes/minimum',
            keyword: 'minimum',
            params: { comparison: '>=', limit: 1 },
            message: 'must be >= 1',
          };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      }
    }
    if (data.sha256 !== undefined) {
      if (
        !validate68(data.sha256, {
          instancePath: instancePath + '/sha256',
          parentData: data,
          parentDataProperty: 'sha256',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate68.errors : vErrors.concat(validate68.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err6 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err6];
    } else {
      vErrors.push(err6);
    }
    errors++;
  }
  validate67.errors = vErrors;
  return errors === 0;
}
function validate66(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.shares === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'shares' },
        message: "must have required property '" + 'shares' + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === 'rowCount' || key0 === 'shares')) {
        const err1 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.rowCount !== undefined) {
      let data0 = data.rowCount;
      if (!(typeof data0 == 'number' && !(data0 % 1) && !isNaN(data0) && isFinite(data0))) {
        const err2 = {
          instancePath: instancePath + '/rowCount',
          schemaPath: '#/properties/rowCount/type',
          keyword: 'type',
          params: { type: 'integer' },
          message: 'must be integer',
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
      if (typeof data0 == 'number' && isFinite(data0)) {
        if (data0 > 16777216 || isNaN(data0)) {
          const err3 = {
            instancePath: instancePath + '/rowCount',
            schemaPath: '#/properties/rowCount/maximum',
            keyword: 'maximum',
            params: { comparison: '<=', limit: 16777216 },
            message: 'must be <= 16777216',
          };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
        if (data0 < 1 || isNaN(data0)) {
          const err4 = {
            instancePath: instancePath + '/rowCount',
            schemaPath: '#/properties/rowCount/minimum',
            keyword: 'minimum',
            params: { comparison: '>=', limit: 1 },
            message: 'must be >= 1',
          };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      }
    }
    if (data.shares !== undefined) {
      let data1 = data.shares;
      if (data1 && typeof data1 == 'object' && !Array.isArray(data1)) {
        if (data1.A === undefined) {
          const err5 = {
            instancePath: instancePath + '/shares',
            schemaPath: '#/properties/shares/required',
            keyword: 'required',
            params: { missingProperty: 'A' },
            message: "must have required property '" + 'A' + "'",
          };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
        if (data1.B === undefined) {
          const err6 = {
            instancePath: instancePath + '/shares',
            schemaPath: '#/properties/shares/required',
            keyword: 'required',
            params: { missingProperty: 'B' },
            message: "must have required property '" + 'B' + "'",
          };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
        for (const key1 in data1) {
          if (!(key1 === 'A' || key1 === 'B')) {
            const err7 = {
              instancePath: instancePath + '/shares',
              schemaPath: '#/properties/shares/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key1 },
              message: 'must NOT have additional properties',
            };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
        }
        if (data1.A !== undefined) {
          if (
            !validate67(data1.A, {
              instancePath: instancePath + '/shares/A',
              parentData: data1,
              parentDataProperty: 'A',
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate67.errors : vErrors.concat(validate67.errors);
            errors = vErrors.length;
          }
        }
        if (data1.B !== undefined) {
          if (
            !validate67(data1.B, {
              instancePath: instancePath + '/shares/B',
              parentData: data1,
              parentDataProperty: 'B',
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate67.errors : vErrors.concat(validate67.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err8 = {
          instancePath: instancePath + '/shares',
          schemaPath: '#/properties/shares/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
  } else {
    const err9 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err9];
    } else {
      vErrors.push(err9);
    }
    errors++;
  }
  validate66.errors = vErrors;
  return errors === 0;
}
function validate65(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  /*# sourceURL="urn:check:check2" */ let vErrors = null;
  let errors = 0;
  if (!validate66(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate66.errors : vErrors.concat(validate66.errors);
    errors = vErrors.length;
  }
  validate65.errors = vErrors;
  return errors === 0;
}
export const check3 = validate73;
const schema31 = { type: 'string', minLength: 1, $id: 'urn:check:check3' };
function validate73(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  /*# sourceURL="urn:check:check3" */ let vErrors = null;
  let errors = 0;
  if (typeof data === 'string') {
    if (func3(data) < 1) {
      const err0 = {
        instancePath,
        schemaPath: '#/minLength',
        keyword: 'minLength',
        params: { limit: 1 },
        message: 'must NOT have fewer than 1 characters',
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
  } else {
    const err1 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'string' },
      message: 'must be string',
    };
    if (vErrors === null) {
      vErrors = [err1];
    } else {
      vErrors.push(err1);
    }
    errors++;
  }
  validate73.errors = vErrors;
  return errors === 0;
}
export const check4 = validate74;
const schema32 = { $ref: 'https://mpc.example/openapi/schemas#/$defs/Health', $id: 'urn:check:check4' };
const schema33 = {
  type: 'object',
  additionalProperties: false,
  required: ['status'],
  properties: { status: { type: 'string', const: 'ok' } },
};
function validate75(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.status === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'status' },
        message: "must have required property '" + 'status' + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === 'status')) {
        const err1 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.status !== undefined) {
      let data0 = data.status;
      if (typeof data0 !== 'string') {
        const err2 = {
          instancePath: instancePath + '/status',
          schemaPath: '#/properties/status/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
      if ('ok' !== data0) {
        const err3 = {
          instancePath: instancePath + '/status',
          schemaPath: '#/properties/status/const',
          keyword: 'const',
          params: { allowedValue: 'ok' },
          message: 'must be equal to constant',
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate75.errors = vErrors;
  return errors === 0;
}
function validate74(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  /*# sourceURL="urn:check:check4" */ let vErrors = null;
  let errors = 0;
  if (!validate75(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate75.errors : vErrors.concat(validate75.errors);
    errors = vErrors.length;
  }
  validate74.errors = vErrors;
  return errors === 0;
}
export const check5 = validate77;
const schema34 = { $ref: 'https://mpc.example/openapi/schemas#/$defs/Problem', $id: 'urn:check:check5' };
const schema35 = {
  description:
    'RFC 9457 problem details. `type` is one of these stable URIs (see docs/api.md for when each occurs):\nvalidation-error (400), not-computable (400), malformed-json (400), unsupported-media-type (415),\nunauthorized (401), forbidden (403), not-found (404), method-not-allowed (405), collaboration-full (409),\ninvalid-state (409), deadline-passed (409), already-joined (409), input-already-completed (409),\nidempotency-key-reused (409), idempotency-request-in-progress (409), upload-incomplete (422),\nupload-mismatch (422), result-gone (410), internal-error (500), all under\n`https://mpc.example/problems/`.\n',
  type: 'object',
  required: ['type', 'title', 'status', 'requestId'],
  properties: {
    type: {
      type: 'string',
      enum: [
        'https://mpc.example/problems/validation-error',
        'https://mpc.example/problems/not-computable',
        'https://mpc.example/problems/malformed-json',
        'https://mpc.example/problems/unsupported-media-type',
        'https://mpc.example/problems/unauthorized',
        'https://mpc.example/problems/forbidden',
        'https://mpc.example/problems/not-found',
        'https://mpc.example/problems/method-not-allowed',
        'https://mpc.example/problems/collaboration-full',
        'https://mpc.example/problems/invalid-state',
        'https://mpc.example/problems/deadline-passed',
        'https://mpc.example/problems/already-joined',
        'https://mpc.example/problems/input-already-completed',
        'https://mpc.example/problems/idempotency-key-reused',
        'https://mpc.example/problems/idempotency-request-in-progress',
        'https://mpc.example/problems/upload-incomplete',
        'https://mpc.example/problems/upload-mismatch',
        'https://mpc.example/problems/result-gone',
        'https://mpc.example/problems/internal-error',
      ],
    },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string' },
    instance: { type: 'string' },
    requestId: { type: 'string' },
    errors: {
      description: 'For validation-error and not-computable, one entry per violated rule.',
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['path', 'message'],
        properties: {
          path: { type: 'string', description: 'JSON pointer into the request (e.g. /body/analyses/0).' },
          message: { type: 'string' },
        },
      },
    },
  },
};
function validate78(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.type === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'type' },
        message: "must have required property '" + 'type' + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.title === undefined) {
      const err1 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'title' },
        message: "must have required property '" + 'title' + "'",
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.status === undefined) {
      const err2 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'status' },
        message: "must have required property '" + 'status' + "'",
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.requestId === undefined) {
      const err3 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'requestId' },
        message: "must have required property '" + 'requestId' + "'",
      };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.type !== undefined) {
      let data0 = data.type;
      if (typeof data0 !== 'string') {
        const err4 = {
          instancePath: instancePath + '/type',
          schemaPath: '#/properties/type/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
      if (!(
        data0 === 'https://mpc.example/problems/validation-error' ||
        data0 === 'https://mpc.example/problems/not-computable' ||
        data0 === 'https://mpc.example/problems/malformed-json' ||
        data0 === 'https://mpc.example/problems/unsupported-media-type' ||
        data0 === 'https://mpc.example/problems/unauthorized' ||
        data0 === 'https://mpc.example/problems/forbidden' ||
        data0 === 'https://mpc.example/problems/not-found' ||
        data0 === 'https://mpc.example/problems/method-not-allowed' ||
        data0 === 'https://mpc.example/problems/collaboration-full' ||
        data0 === 'https://mpc.example/problems/invalid-state' ||
        data0 === 'https://mpc.example/problems/deadline-passed' ||
        data0 === 'https://mpc.example/problems/already-joined' ||
        data0 === 'https://mpc.example/problems/input-already-completed' ||
        data0 === 'https://mpc.example/problems/idempotency-key-reused' ||
        data0 === 'https://mpc.example/problems/idempotency-request-in-progress' ||
        data0 === 'https://mpc.example/problems/upload-incomplete' ||
        data0 === 'https://mpc.example/problems/upload-mismatch' ||
        data0 === 'https://mpc.example/problems/result-gone' ||
        data0 === 'https://mpc.example/problems/internal-error'
      )) {
        const err5 = {
          instancePath: instancePath + '/type',
          schemaPath: '#/properties/type/enum',
          keyword: 'enum',
          params: { allowedValues: schema35.properties.type.enum },
          message: 'must be equal to one of the allowed values',
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.title !== undefined) {
      if (typeof data.title !== 'string') {
        const err6 = {
          instancePath: instancePath + '/title',
          schemaPath: '#/properties/title/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.status !== undefined) {
      let data2 = data.status;
      if (!(typeof data2 == 'number' && !(data2 % 1) && !isNaN(data2) && isFinite(data2))) {
        const err7 = {
          instancePath: instancePath + '/status',
          schemaPath: '#/properties/status/type',
          keyword: 'type',
          params: { type: 'integer' },
          message: 'must be integer',
        };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
      if (typeof data2 == 'number' && isFinite(data2)) {
        if (data2 > 599 || isNaN(data2)) {
          const err8 = {
            instancePath: instancePath + '/status',
            schemaPath: '#/properties/status/maximum',
            keyword: 'maximum',
            params: { comparison: '<=', limit: 599 },
            message: 'must be <= 599',
          };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
        if (data2 < 400 || isNaN(data2)) {
          const err9 = {
            instancePath: instancePath + '/status',
            schemaPath: '#/properties/status/minimum',
            keyword: 'minimum',
            params: { comparison: '>=', limit: 400 },
            message: 'must be >= 400',
          };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      }
    }
    if (data.detail !== undefined) {
      if (typeof data.detail !== 'string') {
        const err10 = {
          instancePath: instancePath + '/detail',
          schemaPath: '#/properties/detail/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.instance !== undefined) {
      if (typeof data.instance !== 'string') {
        const err11 = {
          instancePath: instancePath + '/instance',
          schemaPath: '#/properties/instance/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.requestId !== undefined) {
      if (typeof data.requestId !== 'string') {
        const err12 = {
          instancePath: instancePath + '/requestId',
          schemaPath: '#/properties/requestId/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.errors !== undefined) {
      let data6 = data.errors;
      if (Array.isArray(data6)) {
        const len0 = data6.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data7 = data6[i0];
          if (data7 && typeof data7 == 'object' && !Array.isArray(data7)) {
            if (data7.path === undefined) {
              const err13 = {
                instancePath: instancePath + '/errors/' + i0,
                schemaPath: '#/properties/errors/items/required',
                keyword: 'required',
                params: { missingProperty: 'path' },
                message: "must have required property '" + 'path' + "'",
              };
              if (vErrors === null) {
                vErrors = [err13];
              } else {
                vErrors.push(err13);
              }
              errors++;
            }
            if (data7.message === undefined) {
              const err14 = {
                instancePath: instancePath + '/errors/' + i0,
                schemaPath: '#/properties/errors/items/required',
                keyword: 'required',
                params: { missingProperty: 'message' },
                message: "must have required property '" + 'message' + "'",
              };
              if (vErrors === null) {
                vErrors = [err14];
              } else {
                vErrors.push(err14);
              }
              errors++;
            }
            for (const key0 in data7) {
              if (!(key0 === 'path' || key0 === 'message')) {
                const err15 = {
                  instancePath: instancePath + '/errors/' + i0,
                  schemaPath: '#/properties/errors/items/additionalProperties',
                  keyword: 'additionalProperties',
                  params: { additionalProperty: key0 },
                  message: 'must NOT have additional properties',
                };
                if (vErrors === null) {
                  vErrors = [err15];
                } else {
                  vErrors.push(err15);
                }
                errors++;
              }
            }
            if (data7.path !== undefined) {
              if (typeof data7.path !== 'string') {
                const err16 = {
                  instancePath: instancePath + '/errors/' + i0 + '/path',
                  schemaPath: '#/properties/errors/items/properties/path/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                };
                if (vErrors === null) {
                  vErrors = [err16];
                } else {
                  vErrors.push(err16);
                }
                errors++;
              }
            }
            if (data7.message !== undefined) {
              if (typeof data7.message !== 'string') {
                const err17 = {
                  instancePath: instancePath + '/errors/' + i0 + '/message',
                  schemaPath: '#/properties/errors/items/properties/message/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                };
                if (vErrors === null) {
                  vErrors = [err17];
                } else {
                  vErrors.push(err17);
                }
                errors++;
              }
            }
          } else {
            const err18 = {
              instancePath: instancePath + '/errors/' + i0,
              schemaPath: '#/properties/errors/items/type',
              keyword: 'type',
              params: { type: 'object' },
              message: 'must be object',
            };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
        }
      } else {
        const err19 = {
          instancePath: instancePath + '/errors',
          schemaPath: '#/properties/errors/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
        };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
  } else {
    const err20 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err20];
    } else {
      vErrors.push(err20);
    }
    errors++;
  }
  validate78.errors = vErrors;
  return errors === 0;
}
function validate77(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  /*# sourceURL="urn:check:check5" */ let vErrors = null;
  let errors = 0;
  if (!validate78(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate78.errors : vErrors.concat(validate78.errors);
    errors = vErrors.length;
  }
  validate77.errors = vErrors;
  return errors === 0;
}
export const check6 = validate80;
const schema36 = {
  $ref: 'https://mpc.example/openapi/schemas#/$defs/ComputationServerList',
  $id: 'urn:check:check6',
};
const schema37 = {
  type: 'object',
  additionalProperties: false,
  required: ['servers'],
  properties: {
    servers: {
      type: 'array',
      minItems: 2,
      maxItems: 2,
      items: { $ref: 'https://mpc.example/openapi/schemas#/$defs/ComputationServer' },
    },
  },
};
const schema38 = {
  description: 'One computation server and the HPKE (RFC 9180) configuration input shares are sealed with.',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'publicKey', 'kem', 'kdf', 'aead'],
  properties: {
    id: { $ref: 'https://mpc.example/openapi/schemas#/$defs/ServerId' },
    publicKey: { $ref: 'https://mpc.example/openapi/schemas#/$defs/X25519PublicKey' },
    kem: { type: 'string', const: 'DHKEM-X25519-HKDF-SHA256' },
    kdf: { type: 'string', const: 'HKDF-SHA256' },
    aead: { type: 'string', const: 'AES-128-GCM' },
  },
};
const schema39 = { type: 'string', enum: ['A', 'B'] };
function validate83(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (typeof data !== 'string') {
    const err0 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'string' },
      message: 'must be string',
    };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  if (!(data === 'A' || data === 'B')) {
    const err1 = {
      instancePath,
      schemaPath: '#/enum',
      keyword: 'enum',
      params: { allowedValues: schema39.enum },
      message: 'must be equal to one of the allowed values',
    };
    if (vErrors === null) {
      vErrors = [err1];
    } else {
      vErrors.push(err1);
    }
    errors++;
  }
  validate83.errors = vErrors;
  return errors === 0;
}
function validate82(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.id === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'id' },
        message: "must have required property '" + 'id' + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.publicKey === undefined) {
      const err1 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'publicKey' },
        message: "must have required property '" + 'publicKey' + "'",
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.kem === undefined) {
      const err2 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'kem' },
        message: "must have required property '" + 'kem' + "'",
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.kdf === undefined) {
      const err3 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'kdf' },
        message: "must have required property '" + 'kdf' + "'",
      };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.aead === undefined) {
      const err4 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'aead' },
        message: "must have required property '" + 'aead' + "'",
      };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === 'id' || key0 === 'publicKey' || key0 === 'kem' || key0 === 'kdf' || key0 === 'aead')) {
        const err5 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.id !== undefined) {
      if (
        !validate83(data.id, {
          instancePath: instancePath + '/id',
          parentData: data,
          parentDataProperty: 'id',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate83.errors : vErrors.concat(validate83.errors);
        errors = vErrors.length;
      }
    }
    if (data.publicKey !== undefined) {
      if (
        !validate62(data.publicKey, {
          instancePath: instancePath + '/publicKey',
          parentData: data,
          parentDataProperty: 'publicKey',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate62.errors : vErrors.concat(validate62.errors);
        errors = vErrors.length;
      }
    }
    if (data.kem !== undefined) {
      let data2 = data.kem;
      if (typeof data2 !== 'string') {
        const err6 = {
          instancePath: instancePath + '/kem',
          schemaPath: '#/properties/kem/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
      if ('DHKEM-X25519-HKDF-SHA256' !== data2) {
        const err7 = {
          instancePath: instancePath + '/kem',
          schemaPath: '#/properties/kem/const',
          keyword: 'const',
          params: { allowedValue: 'DHKEM-X25519-HKDF-SHA256' },
          message: 'must be equal to constant',
        };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.kdf !== undefined) {
      let data3 = data.kdf;
      if (typeof data3 !== 'string') {
        const err8 = {
          instancePath: instancePath + '/kdf',
          schemaPath: '#/properties/kdf/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
      if ('HKDF-SHA256' !== data3) {
        const err9 = {
          instancePath: instancePath + '/kdf',
          schemaPath: '#/properties/kdf/const',
          keyword: 'const',
          params: { allowedValue: 'HKDF-SHA256' },
          message: 'must be equal to constant',
        };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.aead !== undefined) {
      let data4 = data.aead;
      if (typeof data4 !== 'string') {
        const err10 = {
          instancePath: instancePath + '/aead',
          schemaPath: '#/properties/aead/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
      if ('AES-128-GCM' !== data4) {
        const err11 = {
          instancePath: instancePath + '/aead',
          schemaPath: '#/properties/aead/const',
          keyword: 'const',
          params: { allowedValue: 'AES-128-GCM' },
          message: 'must be equal to constant',
        };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
  } else {
    const err12 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err12];
    } else {
      vErrors.push(err12);
    }
    errors++;
  }
  validate82.errors = vErrors;
  return errors === 0;
}
function validate81(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.servers === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'servers' },
        message: "must have required property '" + 'servers' + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === 'servers')) {
        const err1 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.servers !== undefined) {
      let data0 = data.servers;
      if (Array.isArray(data0)) {
        if (data0.length > 2) {
          const err2 = {
            instancePath: instancePath + '/servers',
            schemaPath: '#/properties/servers/maxItems',
            keyword: 'maxItems',
            params: { limit: 2 },
            message: 'must NOT have more than 2 items',
          };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        if (data0.length < 2) {
          const err3 = {
            instancePath: instancePath + '/servers',
            schemaPath: '#/properties/servers/minItems',
            keyword: 'minItems',
            params: { limit: 2 },
            message: 'must NOT have fewer than 2 items',
          };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (
            !validate82(data0[i0], {
              instancePath: instancePath + '/servers/' + i0,
              parentData: data0,
              parentDataProperty: i0,
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate82.errors : vErrors.concat(validate82.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err4 = {
          instancePath: instancePath + '/servers',
          schemaPath: '#/properties/servers/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
  } else {
    const err5 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err5];
    } else {
      vErrors.push(err5);
    }
    errors++;
  }
  validate81.errors = vErrors;
  return errors === 0;
}
function validate80(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  /*# sourceURL="urn:check:check6" */ let vErrors = null;
  let errors = 0;
  if (!validate81(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate81.errors : vErrors.concat(validate81.errors);
    errors = vErrors.length;
  }
  validate80.errors = vErrors;
  return errors === 0;
}
export const check7 = validate88;
const schema40 = {
  $ref: 'https://mpc.example/openapi/schemas#/$defs/CollaborationPage',
  $id: 'urn:check:check7',
};
const schema41 = {
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: {
    items: { type: 'array', items: { $ref: 'https://mpc.example/openapi/schemas#/$defs/Collaboration' } },
    nextToken: { type: 'string' },
  },
};
const schema42 = {
  type: 'object',
  additionalProperties: false,
  required: [
    'collaborationId',
    'name',
    'description',
    'ownerId',
    'analyses',
    'inputSchema',
    'minParticipants',
    'maxParticipants',
    'inputDeadline',
    'resultRecipients',
    'status',
    'participantCount',
    'completedInputCount',
    'inviteOnly',
    'createdAt',
    'updatedAt',
  ],
  properties: {
    collaborationId: { $ref: 'https://mpc.example/openapi/schemas#/$defs/Id' },
    name: { type: 'string' },
    description: { type: 'string' },
    ownerId: { $ref: 'https://mpc.example/openapi/schemas#/$defs/ClientId' },
    analyses: { type: 'array', items: { $ref: 'https://mpc.example/openapi/schemas#/$defs/AnalysisSpec' } },
    inputSchema: { $ref: 'https://mpc.example/openapi/schemas#/$defs/InputSchema' },
    minParticipants: { type: 'integer' },
    maxParticipants: { type: 'integer' },
    inputDeadline: { $ref: 'https://mpc.example/openapi/schemas#/$defs/Timestamp' },
    resultRecipients: { $ref: 'https://mpc.example/openapi/schemas#/$defs/ResultRecipients' },
    status: { $ref: 'https://mpc.example/openapi/schemas#/$defs/CollaborationStatus' },
    statusReason: { type: 'string' },
    participantCount: { type: 'integer', minimum: 0 },
    completedInputCount: {
      description: 'Counted inputs; at most maxParticipants (completing an input is what takes a slot).',
      type: 'integer',
      minimum: 0,
    },
    excludedInputCount: {
      description:
        "How many counted inputs the servers excluded as bad (the share did not open, a wrong schema digest\nor row count); set with the result. Only each excluded input's owner sees why, on its participation.\n",
      type: 'integer',
      minimum: 0,
    },
    inviteOnly: { type: 'boolean', description: 'Whether only invited clients may join.' },
    participants: {
      description: 'The invite list; shown to the owner only.',
      $ref: 'https://mpc.example/openapi/schemas#/$defs/InviteList',
    },
    minCellSize: { $ref: 'https://mpc.example/openapi/schemas#/$defs/MinCellSize' },
    privacy: { $ref: 'https://mpc.example/openapi/schemas#/$defs/PrivacyBudget' },
    privacySpent: { $ref: 'https://mpc.example/openapi/schemas#/$defs/PrivacySpent' },
    maxRowsPerParticipant: { $ref: 'https://mpc.example/openapi/schemas#/$defs/MaxRowsPerParticipant' },
    createdAt: { $ref: 'https://mpc.example/openapi/schemas#/$defs/Timestamp' },
    updatedAt: { $ref: 'https://mpc.example/openapi/schemas#/$defs/Timestamp' },
  },
};
const schema43 = {
  description: 'Server-issued identifier (UUID).',
  type: 'string',
  format: 'uuid',
  pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
};
const formats4 = /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const pattern4 = new RegExp('^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', 'u');
function validate91(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (typeof data === 'string') {
    if (!pattern4.test(data)) {
      const err0 = {
        instancePath,
        schemaPath: '#/pattern',
        keyword: 'pattern',
        params: { pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' },
        message:
          'must match pattern "' + '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' + '"',
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (!formats4.test(data)) {
      const err1 = {
        instancePath,
        schemaPath: '#/format',
        keyword: 'format',
        params: { format: 'uuid' },
        message: 'must match format "' + 'uuid' + '"',
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
  } else {
    const err2 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'string' },
      message: 'must be string',
    };
    if (vErrors === null) {
      vErrors = [err2];
    } else {
      vErrors.push(err2);
    }
    errors++;
  }
  validate91.errors = vErrors;
  return errors === 0;
}
const schema44 = {
  type: 'string',
  enum: ['OPEN', 'COMPUTING', 'RESULT_READY', 'COMPLETED', 'FAILED', 'CANCELLED', 'EXPIRED'],
};
function validate98(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (typeof data !== 'string') {
    const err0 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'string' },
      message: 'must be string',
    };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  if (!(
    data === 'OPEN' ||
    data === 'COMPUTING' ||
    data === 'RESULT_READY' ||
    data === 'COMPLETED' ||
    data === 'FAILED' ||
    data === 'CANCELLED' ||
    data === 'EXPIRED'
  )) {
    const err1 = {
      instancePath,
      schemaPath: '#/enum',
      keyword: 'enum',
      params: { allowedValues: schema44.enum },
      message: 'must be equal to one of the allowed values',
    };
    if (vErrors === null) {
      vErrors = [err1];
    } else {
      vErrors.push(err1);
    }
    errors++;
  }
  validate98.errors = vErrors;
  return errors === 0;
}
const schema45 = {
  description: 'The privacy budget the released result spent (set when the result is published).',
  type: 'object',
  additionalProperties: false,
  required: ['epsilon', 'delta', 'jobId'],
  properties: {
    epsilon: { type: 'number' },
    delta: { type: 'number' },
    jobId: { $ref: 'https://mpc.example/openapi/schemas#/$defs/Id' },
  },
};
function validate103(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.epsilon === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'epsilon' },
        message: "must have required property '" + 'epsilon' + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.delta === undefined) {
      const err1 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'delta' },
        message: "must have required property '" + 'delta' + "'",
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.jobId === undefined) {
      const err2 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'jobId' },
        message: "must have required property '" + 'jobId' + "'",
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === 'epsilon' || key0 === 'delta' || key0 === 'jobId')) {
        const err3 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.epsilon !== undefined) {
      let data0 = data.epsilon;
      if (!(typeof data0 == 'number' && isFinite(data0))) {
        const err4 = {
          instancePath: instancePath + '/epsilon',
          schemaPath: '#/properties/epsilon/type',
          keyword: 'type',
          params: { type: 'number' },
          message: 'must be number',
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.delta !== undefined) {
      let data1 = data.delta;
      if (!(typeof data1 == 'number' && isFinite(data1))) {
        const err5 = {
          instancePath: instancePath + '/delta',
          schemaPath: '#/properties/delta/type',
          keyword: 'type',
          params: { type: 'number' },
          message: 'must be number',
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.jobId !== undefined) {
      if (
        !validate91(data.jobId, {
          instancePath: instancePath + '/jobId',
          parentData: data,
          parentDataProperty: 'jobId',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate91.errors : vErrors.concat(validate91.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err6 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err6];
    } else {
      vErrors.push(err6);
    }
    errors++;
  }
  validate103.errors = vErrors;
  return errors === 0;
}
function validate90(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.collaborationId === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'collaborationId' },
        message: "must have required property '" + 'collaborationId' + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.name === undefined) {
      const err1 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'name' },
        message: "must have required property '" + 'name' + "'",
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.description === undefined) {
      const err2 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'description' },
        message: "must have required property '" + 'description' + "'",
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.ownerId === undefined) {
      const err3 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'ownerId' },
        message: "must have required property '" + 'ownerId' + "'",
      };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.analyses === undefined) {
      const err4 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'analyses' },
        message: "must have required property '" + 'analyses' + "'",
      };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.inputSchema === undefined) {
      const err5 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'inputSchema' },
        message: "must have required property '" + 'inputSchema' + "'",
      };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.minParticipants === undefined) {
      const err6 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'minParticipants' },
        message: "must have required property '" + 'minParticipants' + "'",
      };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    if (data.maxParticipants === undefined) {
      const err7 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'maxParticipants' },
        message: "must have required property '" + 'maxParticipants' + "'",
      };
      if (vErrors === null) {
        vErrors = [err7];
      } else {
        vErrors.push(err7);
      }
      errors++;
    }
    if (data.inputDeadline === undefined) {
      const err8 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'inputDeadline' },
        message: "must have required property '" + 'inputDeadline' + "'",
      };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    if (data.resultRecipients === undefined) {
      const err9 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'resultRecipients' },
        message: "must have required property '" + 'resultRecipients' + "'",
      };
      if (vErrors === null) {
        vErrors = [err9];
      } else {
        vErrors.push(err9);
      }
      errors++;
    }
    if (data.status === undefined) {
      const err10 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'status' },
        message: "must have required property '" + 'status' + "'",
      };
      if (vErrors === null) {
        vErrors = [err10];
      } else {
        vErrors.push(err10);
      }
      errors++;
    }
    if (data.participantCount === undefined) {
      const err11 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'participantCount' },
        message: "must have required property '" + 'participantCount' + "'",
      };
      if (vErrors === null) {
        vErrors = [err11];
      } else {
        vErrors.push(err11);
      }
      errors++;
    }
    if (data.completedInputCount === undefined) {
      const err12 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'completedInputCount' },
        message: "must have required property '" + 'completedInputCount' + "'",
      };
      if (vErrors === null) {
        vErrors = [err12];
      } else {
        vErrors.push(err12);
      }
      errors++;
    }
    if (data.inviteOnly === undefined) {
      const err13 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'inviteOnly' },
        message: "must have required property '" + 'inviteOnly' + "'",
      };
      if (vErrors === null) {
        vErrors = [err13];
      } else {
        vErrors.push(err13);
      }
      errors++;
    }
    if (data.createdAt === undefined) {
      const err14 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'createdAt' },
        message: "must have required property '" + 'createdAt' + "'",
      };
      if (vErrors === null) {
        vErrors = [err14];
      } else {
        vErrors.push(err14);
      }
      errors++;
    }
    if (data.updatedAt === undefined) {
      const err15 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'updatedAt' },
        message: "must have required property '" + 'updatedAt' + "'",
      };
      if (vErrors === null) {
        vErrors = [err15];
      } else {
        vErrors.push(err15);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func2.call(schema42.properties, key0)) {
        const err16 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
        };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.collaborationId !== undefined) {
      if (
        !validate91(data.collaborationId, {
          instancePath: instancePath + '/collaborationId',
          parentData: data,
          parentDataProperty: 'collaborationId',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate91.errors : vErrors.concat(validate91.errors);
        errors = vErrors.length;
      }
    }
    if (data.name !== undefined) {
      if (typeof data.name !== 'string') {
        const err17 = {
          instancePath: instancePath + '/name',
          schemaPath: '#/properties/name/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
    if (data.description !== undefined) {
      if (typeof data.description !== 'string') {
        const err18 = {
          instancePath: instancePath + '/description',
          schemaPath: '#/properties/description/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
    }
    if (data.ownerId !== undefined) {
      if (
        !validate47(data.ownerId, {
          instancePath: instancePath + '/ownerId',
          parentData: data,
          parentDataProperty: 'ownerId',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate47.errors : vErrors.concat(validate47.errors);
        errors = vErrors.length;
      }
    }
    if (data.analyses !== undefined) {
      let data4 = data.analyses;
      if (Array.isArray(data4)) {
        const len0 = data4.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (
            !validate24(data4[i0], {
              instancePath: instancePath + '/analyses/' + i0,
              parentData: data4,
              parentDataProperty: i0,
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err19 = {
          instancePath: instancePath + '/analyses',
          schemaPath: '#/properties/analyses/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
        };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.inputSchema !== undefined) {
      if (
        !validate31(data.inputSchema, {
          instancePath: instancePath + '/inputSchema',
          parentData: data,
          parentDataProperty: 'inputSchema',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
        errors = vErrors.length;
      }
    }
    if (data.minParticipants !== undefined) {
      let data7 = data.minParticipants;
      if (!(typeof data7 == 'number' && !(data7 % 1) && !isNaN(data7) && isFinite(data7))) {
        const err20 = {
          instancePath: instancePath + '/minParticipants',
          schemaPath: '#/properties/minParticipants/type',
          keyword: 'type',
          params: { type: 'integer' },
          message: 'must be integer',
        };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
    }
    if (data.maxParticipants !== undefined) {
      let data8 = data.maxParticipants;
      if (!(typeof data8 == 'number' && !(data8 % 1) && !isNaN(data8) && isFinite(data8))) {
        const err21 = {
          instancePath: instancePath + '/maxParticipants',
          schemaPath: '#/properties/maxParticipants/type',
          keyword: 'type',
          params: { type: 'integer' },
          message: 'must be integer',
        };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
    if (data.inputDeadline !== undefined) {
      if (
        !validate44(data.inputDeadline, {
          instancePath: instancePath + '/inputDeadline',
          parentData: data,
          parentDataProperty: 'inputDeadline',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate44.errors : vErrors.concat(validate44.errors);
        errors = vErrors.length;
      }
    }
    if (data.resultRecipients !== undefined) {
      if (
        !validate46(data.resultRecipients, {
          instancePath: instancePath + '/resultRecipients',
          parentData: data,
          parentDataProperty: 'resultRecipients',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate46.errors : vErrors.concat(validate46.errors);
        errors = vErrors.length;
      }
    }
    if (data.status !== undefined) {
      if (
        !validate98(data.status, {
          instancePath: instancePath + '/status',
          parentData: data,
          parentDataProperty: 'status',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate98.errors : vErrors.concat(validate98.errors);
        errors = vErrors.length;
      }
    }
    if (data.statusReason !== undefined) {
      if (typeof data.statusReason !== 'string') {
        const err22 = {
          instancePath: instancePath + '/statusReason',
          schemaPath: '#/properties/statusReason/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err22];
        } else {
          vErrors.push(err22);
        }
        errors++;
      }
    }
    if (data.participantCount !== undefined) {
      let data13 = data.participantCount;
      if (!(typeof data13 == 'number' && !(data13 % 1) && !isNaN(data13) && isFinite(data13))) {
        const err23 = {
          instancePath: instancePath + '/participantCount',
          schemaPath: '#/properties/participantCount/type',
          keyword: 'type',
          params: { type: 'integer' },
          message: 'must be integer',
        };
        if (vErrors === null) {
          vErrors = [err23];
        } else {
          vErrors.push(err23);
        }
        errors++;
      }
      if (typeof data13 == 'number' && isFinite(data13)) {
        if (data13 < 0 || isNaN(data13)) {
          const err24 = {
            instancePath: instancePath + '/participantCount',
            schemaPath: '#/properties/participantCount/minimum',
            keyword: 'minimum',
            params: { comparison: '>=', limit: 0 },
            message: 'must be >= 0',
          };
          if (vErrors === null) {
            vErrors = [err24];
          } else {
            vErrors.push(err24);
          }
          errors++;
        }
      }
    }
    if (data.completedInputCount !== undefined) {
      let data14 = data.completedInputCount;
      if (!(typeof data14 == 'number' && !(data14 % 1) && !isNaN(data14) && isFinite(data14))) {
        const err25 = {
          instancePath: instancePath + '/completedInputCount',
          schemaPath: '#/properties/completedInputCount/type',
          keyword: 'type',
          params: { type: 'integer' },
          message: 'must be integer',
        };
        if (vErrors === null) {
          vErrors = [err25];
        } else {
          vErrors.push(err25);
        }
        errors++;
      }
      if (typeof data14 == 'number' && isFinite(data14)) {
        if (data14 < 0 || isNaN(data14)) {
          const err26 = {
            instancePath: instancePath + '/completedInputCount',
            schemaPath: '#/properties/completedInputCount/minimum',
            keyword: 'minimum',
            params: { comparison: '>=', limit: 0 },
            message: 'must be >= 0',
          };
          if (vErrors === null) {
            vErrors = [err26];
          } else {
            vErrors.push(err26);
          }
          errors++;
        }
      }
    }
    if (data.excludedInputCount !== undefined) {
      let data15 = data.excludedInputCount;
      if (!(typeof data15 == 'number' && !(data15 % 1) && !isNaN(data15) && isFinite(data15))) {
        const err27 = {
          instancePath: instancePath + '/excludedInputCount',
          schemaPath: '#/properties/excludedInputCount/type',
          keyword: 'type',
          params: { type: 'integer' },
          message: 'must be integer',
        };
        if (vErrors === null) {
          vErrors = [err27];
        } else {
          vErrors.push(err27);
        }
        errors++;
      }
      if (typeof data15 == 'number' && isFinite(data15)) {
        if (data15 < 0 || isNaN(data15)) {
          const err28 = {
            instancePath: instancePath + '/excludedInputCount',
            schemaPath: '#/properties/excludedInputCount/minimum',
            keyword: 'minimum',
            params: { comparison: '>=', limit: 0 },
            message: 'must be >= 0',
          };
          if (vErrors === null) {
            vErrors = [err28];
          } else {
            vErrors.push(err28);
          }
          errors++;
        }
      }
    }
    if (data.inviteOnly !== undefined) {
      if (typeof data.inviteOnly !== 'boolean') {
        const err29 = {
          instancePath: instancePath + '/inviteOnly',
          schemaPath: '#/properties/inviteOnly/type',
          keyword: 'type',
          params: { type: 'boolean' },
          message: 'must be boolean',
        };
        if (vErrors === null) {
          vErrors = [err29];
        } else {
          vErrors.push(err29);
        }
        errors++;
      }
    }
    if (data.participants !== undefined) {
      if (
        !validate50(data.participants, {
          instancePath: instancePath + '/participants',
          parentData: data,
          parentDataProperty: 'participants',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate50.errors : vErrors.concat(validate50.errors);
        errors = vErrors.length;
      }
    }
    if (data.minCellSize !== undefined) {
      if (
        !validate53(data.minCellSize, {
          instancePath: instancePath + '/minCellSize',
          parentData: data,
          parentDataProperty: 'minCellSize',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate53.errors : vErrors.concat(validate53.errors);
        errors = vErrors.length;
      }
    }
    if (data.privacy !== undefined) {
      if (
        !validate55(data.privacy, {
          instancePath: instancePath + '/privacy',
          parentData: data,
          parentDataProperty: 'privacy',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate55.errors : vErrors.concat(validate55.errors);
        errors = vErrors.length;
      }
    }
    if (data.privacySpent !== undefined) {
      if (
        !validate103(data.privacySpent, {
          instancePath: instancePath + '/privacySpent',
          parentData: data,
          parentDataProperty: 'privacySpent',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate103.errors : vErrors.concat(validate103.errors);
        errors = vErrors.length;
      }
    }
    if (data.maxRowsPerParticipant !== undefined) {
      if (
        !validate57(data.maxRowsPerParticipant, {
          instancePath: instancePath + '/maxRowsPerParticipant',
          parentData: data,
          parentDataProperty: 'maxRowsPerParticipant',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate57.errors : vErrors.concat(validate57.errors);
        errors = vErrors.length;
      }
    }
    if (data.createdAt !== undefined) {
      if (
        !validate44(data.createdAt, {
          instancePath: instancePath + '/createdAt',
          parentData: data,
          parentDataProperty: 'createdAt',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate44.errors : vErrors.concat(validate44.errors);
        errors = vErrors.length;
      }
    }
    if (data.updatedAt !== undefined) {
      if (
        !validate44(data.updatedAt, {
          instancePath: instancePath + '/updatedAt',
          parentData: data,
          parentDataProperty: 'updatedAt',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate44.errors : vErrors.concat(validate44.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err30 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err30];
    } else {
      vErrors.push(err30);
    }
    errors++;
  }
  validate90.errors = vErrors;
  return errors === 0;
}
function validate89(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.items === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'items' },
        message: "must have required property '" + 'items' + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === 'items' || key0 === 'nextToken')) {
        const err1 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.items !== undefined) {
      let data0 = data.items;
      if (Array.isArray(data0)) {
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (
            !validate90(data0[i0], {
              instancePath: instancePath + '/items/' + i0,
              parentData: data0,
              parentDataProperty: i0,
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate90.errors : vErrors.concat(validate90.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err2 = {
          instancePath: instancePath + '/items',
          schemaPath: '#/properties/items/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.nextToken !== undefined) {
      if (typeof data.nextToken !== 'string') {
        const err3 = {
          instancePath: instancePath + '/nextToken',
          schemaPath: '#/properties/nextToken/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate89.errors = vErrors;
  return errors === 0;
}
function validate88(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  /*# sourceURL="urn:check:check7" */ let vErrors = null;
  let errors = 0;
  if (!validate89(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate89.errors : vErrors.concat(validate89.errors);
    errors = vErrors.length;
  }
  validate88.errors = vErrors;
  return errors === 0;
}
export const check8 = validate111;
const schema46 = { type: 'string', $id: 'urn:check:check8' };
function validate111(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  /*# sourceURL="urn:check:check8" */ let vErrors = null;
  let errors = 0;
  if (typeof data !== 'string') {
    const err0 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'string' },
      message: 'must be string',
    };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  validate111.errors = vErrors;
  return errors === 0;
}
export const check9 = validate112;
const schema47 = {
  $ref: 'https://mpc.example/openapi/schemas#/$defs/Collaboration',
  $id: 'urn:check:check9',
};
function validate113(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.collaborationId === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'collaborationId' },
        message: "must have required property '" + 'collaborationId' + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.name === undefined) {
      const err1 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'name' },
        message: "must have required property '" + 'name' + "'",
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.description === undefined) {
      const err2 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'description' },
        message: "must have required property '" + 'description' + "'",
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.ownerId === undefined) {
      const err3 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'ownerId' },
        message: "must have required property '" + 'ownerId' + "'",
      };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.analyses === undefined) {
      const err4 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'analyses' },
        message: "must have required property '" + 'analyses' + "'",
      };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.inputSchema === undefined) {
      const err5 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'inputSchema' },
        message: "must have required property '" + 'inputSchema' + "'",
      };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.minParticipants === undefined) {
      const err6 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'minParticipants' },
        message: "must have required property '" + 'minParticipants' + "'",
      };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    if (data.maxParticipants === undefined) {
      const err7 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'maxParticipants' },
        message: "must have required property '" + 'maxParticipants' + "'",
      };
      if (vErrors === null) {
        vErrors = [err7];
      } else {
        vErrors.push(err7);
      }
      errors++;
    }
    if (data.inputDeadline === undefined) {
      const err8 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'inputDeadline' },
        message: "must have required property '" + 'inputDeadline' + "'",
      };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    if (data.resultRecipients === undefined) {
      const err9 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'resultRecipients' },
        message: "must have required property '" + 'resultRecipients' + "'",
      };
      if (vErrors === null) {
        vErrors = [err9];
      } else {
        vErrors.push(err9);
      }
      errors++;
    }
    if (data.status === undefined) {
      const err10 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'status' },
        message: "must have required property '" + 'status' + "'",
      };
      if (vErrors === null) {
        vErrors = [err10];
      } else {
        vErrors.push(err10);
      }
      errors++;
    }
    if (data.participantCount === undefined) {
      const err11 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'participantCount' },
        message: "must have required property '" + 'participantCount' + "'",
      };
      if (vErrors === null) {
        vErrors = [err11];
      } else {
        vErrors.push(err11);
      }
      errors++;
    }
    if (data.completedInputCount === undefined) {
      const err12 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'completedInputCount' },
        message: "must have required property '" + 'completedInputCount' + "'",
      };
      if (vErrors === null) {
        vErrors = [err12];
      } else {
        vErrors.push(err12);
      }
      errors++;
    }
    if (data.inviteOnly === undefined) {
      const err13 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'inviteOnly' },
        message: "must have required property '" + 'inviteOnly' + "'",
      };
      if (vErrors === null) {
        vErrors = [err13];
      } else {
        vErrors.push(err13);
      }
      errors++;
    }
    if (data.createdAt === undefined) {
      const err14 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'createdAt' },
        message: "must have required property '" + 'createdAt' + "'",
      };
      if (vErrors === null) {
        vErrors = [err14];
      } else {
        vErrors.push(err14);
      }
      errors++;
    }
    if (data.updatedAt === undefined) {
      const err15 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'updatedAt' },
        message: "must have required property '" + 'updatedAt' + "'",
      };
      if (vErrors === null) {
        vErrors = [err15];
      } else {
        vErrors.push(err15);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func2.call(schema42.properties, key0)) {
        const err16 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
        };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.collaborationId !== undefined) {
      if (
        !validate91(data.collaborationId, {
          instancePath: instancePath + '/collaborationId',
          parentData: data,
          parentDataProperty: 'collaborationId',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate91.errors : vErrors.concat(validate91.errors);
        errors = vErrors.length;
      }
    }
    if (data.name !== undefined) {
      if (typeof data.name !== 'string') {
        const err17 = {
          instancePath: instancePath + '/name',
          schemaPath: '#/properties/name/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
    if (data.description !== undefined) {
      if (typeof data.description !== 'string') {
        const err18 = {
          instancePath: instancePath + '/description',
          schemaPath: '#/properties/description/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
    }
    if (data.ownerId !== undefined) {
      if (
        !validate47(data.ownerId, {
          instancePath: instancePath + '/ownerId',
          parentData: data,
          parentDataProperty: 'ownerId',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate47.errors : vErrors.concat(validate47.errors);
        errors = vErrors.length;
      }
    }
    if (data.analyses !== undefined) {
      let data4 = data.analyses;
      if (Array.isArray(data4)) {
        const len0 = data4.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (
            !validate24(data4[i0], {
              instancePath: instancePath + '/analyses/' + i0,
              parentData: data4,
              parentDataProperty: i0,
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err19 = {
          instancePath: instancePath + '/analyses',
          schemaPath: '#/properties/analyses/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
        };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.inputSchema !== undefined) {
      if (
        !validate31(data.inputSchema, {
          instancePath: instancePath + '/inputSchema',
          parentData: data,
          parentDataProperty: 'inputSchema',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
        errors = vErrors.length;
      }
    }
    if (data.minParticipants !== undefined) {
      let data7 = data.minParticipants;
      if (!(typeof data7 == 'number' && !(data7 % 1) && !isNaN(data7) && isFinite(data7))) {
        const err20 = {
          instancePath: instancePath + '/minParticipants',
          schemaPath: '#/properties/minParticipants/type',
          keyword: 'type',
          params: { type: 'integer' },
          message: 'must be integer',
        };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
    }
    if (data.maxParticipants !== undefined) {
      let data8 = data.maxParticipants;
      if (!(typeof data8 == 'number' && !(data8 % 1) && !isNaN(data8) && isFinite(data8))) {
        const err21 = {
          instancePath: instancePath + '/maxParticipants',
          schemaPath: '#/properties/maxParticipants/type',
          keyword: 'type',
          params: { type: 'integer' },
          message: 'must be integer',
        };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
    if (data.inputDeadline !== undefined) {
      if (
        !validate44(data.inputDeadline, {
          instancePath: instancePath + '/inputDeadline',
          parentData: data,
          parentDataProperty: 'inputDeadline',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate44.errors : vErrors.concat(validate44.errors);
        errors = vErrors.length;
      }
    }
    if (data.resultRecipients !== undefined) {
      if (
        !validate46(data.resultRecipients, {
          instancePath: instancePath + '/resultRecipients',
          parentData: data,
          parentDataProperty: 'resultRecipients',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate46.errors : vErrors.concat(validate46.errors);
        errors = vErrors.length;
      }
    }
    if (data.status !== undefined) {
      if (
        !validate98(data.status, {
          instancePath: instancePath + '/status',
          parentData: data,
          parentDataProperty: 'status',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate98.errors : vErrors.concat(validate98.errors);
        errors = vErrors.length;
      }
    }
    if (data.statusReason !== undefined) {
      if (typeof data.statusReason !== 'string') {
        const err22 = {
          instancePath: instancePath + '/statusReason',
          schemaPath: '#/properties/statusReason/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err22];
        } else {
          vErrors.push(err22);
        }
        errors++;
      }
    }
    if (data.participantCount !== undefined) {
      let data13 = data.participantCount;
      if (!(typeof data13 == 'number' && !(data13 % 1) && !isNaN(data13) && isFinite(data13))) {
        const err23 = {
          instancePath: instancePath + '/participantCount',
          schemaPath: '#/properties/participantCount/type',
          keyword: 'type',
          params: { type: 'integer' },
          message: 'must be integer',
        };
        if (vErrors === null) {
          vErrors = [err23];
        } else {
          vErrors.push(err23);
        }
        errors++;
      }
      if (typeof data13 == 'number' && isFinite(data13)) {
        if (data13 < 0 || isNaN(data13)) {
          const err24 = {
            instancePath: instancePath + '/participantCount',
            schemaPath: '#/properties/participantCount/minimum',
            keyword: 'minimum',
            params: { comparison: '>=', limit: 0 },
            message: 'must be >= 0',
          };
          if (vErrors === null) {
            vErrors = [err24];
          } else {
            vErrors.push(err24);
          }
          errors++;
        }
      }
    }
    if (data.completedInputCount !== undefined) {
      let data14 = data.completedInputCount;
      if (!(typeof data14 == 'number' && !(data14 % 1) && !isNaN(data14) && isFinite(data14))) {
        const err25 = {
          instancePath: instancePath + '/completedInputCount',
          schemaPath: '#/properties/completedInputCount/type',
          keyword: 'type',
          params: { type: 'integer' },
          message: 'must be integer',
        };
        if (vErrors === null) {
          vErrors = [err25];
        } else {
          vErrors.push(err25);
        }
        errors++;
      }
      if (typeof data14 == 'number' && isFinite(data14)) {
        if (data14 < 0 || isNaN(data14)) {
          const err26 = {
            instancePath: instancePath + '/completedInputCount',
            schemaPath: '#/properties/completedInputCount/minimum',
            keyword: 'minimum',
            params: { comparison: '>=', limit: 0 },
            message: 'must be >= 0',
          };
          if (vErrors === null) {
            vErrors = [err26];
          } else {
            vErrors.push(err26);
          }
          errors++;
        }
      }
    }
    if (data.excludedInputCount !== undefined) {
      let data15 = data.excludedInputCount;
      if (!(typeof data15 == 'number' && !(data15 % 1) && !isNaN(data15) && isFinite(data15))) {
        const err27 = {
          instancePath: instancePath + '/excludedInputCount',
          schemaPath: '#/properties/excludedInputCount/type',
          keyword: 'type',
          params: { type: 'integer' },
          message: 'must be integer',
        };
        if (vErrors === null) {
          vErrors = [err27];
        } else {
          vErrors.push(err27);
        }
        errors++;
      }
      if (typeof data15 == 'number' && isFinite(data15)) {
        if (data15 < 0 || isNaN(data15)) {
          const err28 = {
            instancePath: instancePath + '/excludedInputCount',
            schemaPath: '#/properties/excludedInputCount/minimum',
            keyword: 'minimum',
            params: { comparison: '>=', limit: 0 },
            message: 'must be >= 0',
          };
          if (vErrors === null) {
            vErrors = [err28];
          } else {
            vErrors.push(err28);
          }
          errors++;
        }
      }
    }
    if (data.inviteOnly !== undefined) {
      if (typeof data.inviteOnly !== 'boolean') {
        const err29 = {
          instancePath: instancePath + '/inviteOnly',
          schemaPath: '#/properties/inviteOnly/type',
          keyword: 'type',
          params: { type: 'boolean' },
          message: 'must be boolean',
        };
        if (vErrors === null) {
          vErrors = [err29];
        } else {
          vErrors.push(err29);
        }
        errors++;
      }
    }
    if (data.participants !== undefined) {
      if (
        !validate50(data.participants, {
          instancePath: instancePath + '/participants',
          parentData: data,
          parentDataProperty: 'participants',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate50.errors : vErrors.concat(validate50.errors);
        errors = vErrors.length;
      }
    }
    if (data.minCellSize !== undefined) {
      if (
        !validate53(data.minCellSize, {
          instancePath: instancePath + '/minCellSize',
          parentData: data,
          parentDataProperty: 'minCellSize',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate53.errors : vErrors.concat(validate53.errors);
        errors = vErrors.length;
      }
    }
    if (data.privacy !== undefined) {
      if (
        !validate55(data.privacy, {
          instancePath: instancePath + '/privacy',
          parentData: data,
          parentDataProperty: 'privacy',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate55.errors : vErrors.concat(validate55.errors);
        errors = vErrors.length;
      }
    }
    if (data.privacySpent !== undefined) {
      if (
        !validate103(data.privacySpent, {
          instancePath: instancePath + '/privacySpent',
          parentData: data,
          parentDataProperty: 'privacySpent',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate103.errors : vErrors.concat(validate103.errors);
        errors = vErrors.length;
      }
    }
    if (data.maxRowsPerParticipant !== undefined) {
      if (
        !validate57(data.maxRowsPerParticipant, {
          instancePath: instancePath + '/maxRowsPerParticipant',
          parentData: data,
          parentDataProperty: 'maxRowsPerParticipant',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate57.errors : vErrors.concat(validate57.errors);
        errors = vErrors.length;
      }
    }
    if (data.createdAt !== undefined) {
      if (
        !validate44(data.createdAt, {
          instancePath: instancePath + '/createdAt',
          parentData: data,
          parentDataProperty: 'createdAt',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate44.errors : vErrors.concat(validate44.errors);
        errors = vErrors.length;
      }
    }
    if (data.updatedAt !== undefined) {
      if (
        !validate44(data.updatedAt, {
          instancePath: instancePath + '/updatedAt',
          parentData: data,
          parentDataProperty: 'updatedAt',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate44.errors : vErrors.concat(validate44.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err30 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err30];
    } else {
      vErrors.push(err30);
    }
    errors++;
  }
  validate113.errors = vErrors;
  return errors === 0;
}
function validate112(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  /*# sourceURL="urn:check:check9" */ let vErrors = null;
  let errors = 0;
  if (!validate113(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate113.errors : vErrors.concat(validate113.errors);
    errors = vErrors.length;
  }
  validate112.errors = vErrors;
  return errors === 0;
}
export const check10 = validate129;
const schema49 = { type: 'string', pattern: '^[0-9]+$', $id: 'urn:check:check10' };
const pattern5 = new RegExp('^[0-9]+$', 'u');
function validate129(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  /*# sourceURL="urn:check:check10" */ let vErrors = null;
  let errors = 0;
  if (typeof data === 'string') {
    if (!pattern5.test(data)) {
      const err0 = {
        instancePath,
        schemaPath: '#/pattern',
        keyword: 'pattern',
        params: { pattern: '^[0-9]+$' },
        message: 'must match pattern "' + '^[0-9]+$' + '"',
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
  } else {
    const err1 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'string' },
      message: 'must be string',
    };
    if (vErrors === null) {
      vErrors = [err1];
    } else {
      vErrors.push(err1);
    }
    errors++;
  }
  validate129.errors = vErrors;
  return errors === 0;
}
export const check11 = validate130;
const schema50 = {
  $ref: 'https://mpc.example/openapi/schemas#/$defs/Participation',
  $id: 'urn:check:check11',
};
const schema51 = {
  type: 'object',
  additionalProperties: false,
  required: ['collaborationId', 'clientId', 'status', 'joinedAt', 'resultPublicKey', 'computationServers'],
  properties: {
    collaborationId: { $ref: 'https://mpc.example/openapi/schemas#/$defs/Id' },
    clientId: { $ref: 'https://mpc.example/openapi/schemas#/$defs/ClientId' },
    status: {
      description: 'READY_FOR_INPUT until the input is complete, then INPUT_COMPLETE, then FINISHED.',
      type: 'string',
      enum: ['READY_FOR_INPUT', 'INPUT_COMPLETE', 'FINISHED'],
    },
    joinedAt: { $ref: 'https://mpc.example/openapi/schemas#/$defs/Timestamp' },
    finishedAt: { $ref: 'https://mpc.example/openapi/schemas#/$defs/Timestamp' },
    resultPublicKey: { $ref: 'https://mpc.example/openapi/schemas#/$defs/X25519PublicKey' },
    webhookUrl: { type: 'string' },
    webhookSecret: {
      description:
        'Standard Webhooks signing secret (`whsec_<base64>`) for the webhook URL. Only in the join answer\n(and its idempotent replays); keep it, it is never shown again.\n',
      type: 'string',
      pattern: '^whsec_[A-Za-z0-9+/]+={0,2}$',
    },
    webhookDelivery: { $ref: 'https://mpc.example/openapi/schemas#/$defs/WebhookDelivery' },
    input: { $ref: 'https://mpc.example/openapi/schemas#/$defs/InputSummary' },
    computationServers: {
      type: 'array',
      minItems: 2,
      maxItems: 2,
      items: { $ref: 'https://mpc.example/openapi/schemas#/$defs/ComputationServer' },
    },
  },
};
const schema52 = {
  description: 'The last webhook sent to this participant and whether it arrived.',
  type: 'object',
  additionalProperties: false,
  required: ['messageId', 'event', 'attempts', 'delivered', 'lastAttemptAt'],
  properties: {
    messageId: { type: 'string' },
    event: { type: 'string' },
    attempts: { type: 'integer', minimum: 1 },
    delivered: { type: 'boolean' },
    lastAttemptAt: { $ref: 'https://mpc.example/openapi/schemas#/$defs/Timestamp' },
    lastError: { type: 'string' },
  },
};
function validate137(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.messageId === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'messageId' },
        message: "must have required property '" + 'messageId' + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.event === undefined) {
      const err1 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'event' },
        message: "must have required property '" + 'event' + "'",
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.attempts === undefined) {
      const err2 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'attempts' },
        message: "must have required property '" + 'attempts' + "'",
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.delivered === undefined) {
      const err3 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'delivered' },
        message: "must have required property '" + 'delivered' + "'",
      };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.lastAttemptAt === undefined) {
      const err4 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'lastAttemptAt' },
        message: "must have required property '" + 'lastAttemptAt' + "'",
      };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(
        key0 === 'messageId' ||
        key0 === 'event' ||
        key0 === 'attempts' ||
        key0 === 'delivered' ||
        key0 === 'lastAttemptAt' ||
        key0 === 'lastError'
      )) {
        const err5 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.messageId !== undefined) {
      if (typeof data.messageId !== 'string') {
        const err6 = {
          instancePath: instancePath + '/messageId',
          schemaPath: '#/properties/messageId/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.event !== undefined) {
      if (typeof data.event !== 'string') {
        const err7 = {
          instancePath: instancePath + '/event',
          schemaPath: '#/properties/event/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.attempts !== undefined) {
      let data2 = data.attempts;
      if (!(typeof data2 == 'number' && !(data2 % 1) && !isNaN(data2) && isFinite(data2))) {
        const err8 = {
          instancePath: instancePath + '/attempts',
          schemaPath: '#/properties/attempts/type',
          keyword: 'type',
          params: { type: 'integer' },
          message: 'must be integer',
        };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
      if (typeof data2 == 'number' && isFinite(data2)) {
        if (data2 < 1 || isNaN(data2)) {
          const err9 = {
            instancePath: instancePath + '/attempts',
            schemaPath: '#/properties/attempts/minimum',
            keyword: 'minimum',
            params: { comparison: '>=', limit: 1 },
            message: 'must be >= 1',
          };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      }
    }
    if (data.delivered !== undefined) {
      if (typeof data.delivered !== 'boolean') {
        const err10 = {
          instancePath: instancePath + '/delivered',
          schemaPath: '#/properties/delivered/type',
          keyword: 'type',
          params: { type: 'boolean' },
          message: 'must be boolean',
        };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.lastAttemptAt !== undefined) {
      if (
        !validate44(data.lastAttemptAt, {
          instancePath: instancePath + '/lastAttemptAt',
          parentData: data,
          parentDataProperty: 'lastAttemptAt',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate44.errors : vErrors.concat(validate44.errors);
        errors = vErrors.length;
      }
    }
    if (data.lastError !== undefined) {
      if (typeof data.lastError !== 'string') {
        const err11 = {
          instancePath: instancePath + '/lastError',
          schemaPath: '#/properties/lastError/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
  } else {
    const err12 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err12];
    } else {
      vErrors.push(err12);
    }
    errors++;
  }
  validate137.errors = vErrors;
  return errors === 0;
}
const schema53 = {
  type: 'object',
  additionalProperties: false,
  required: ['inputId', 'status'],
  properties: {
    inputId: { $ref: 'https://mpc.example/openapi/schemas#/$defs/Id' },
    status: { $ref: 'https://mpc.example/openapi/schemas#/$defs/InputStatus' },
    exclusionReason: {
      description:
        'Why the computation servers excluded this counted input (the share did not open, a wrong schema\ndigest or row count); its owner then gets no result. Only the owner sees it.\n',
      type: 'string',
    },
  },
};
const schema54 = { type: 'string', enum: ['PENDING', 'COMPLETE'] };
function validate142(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (typeof data !== 'string') {
    const err0 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'string' },
      message: 'must be string',
    };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  if (!(data === 'PENDING' || data === 'COMPLETE')) {
    const err1 = {
      instancePath,
      schemaPath: '#/enum',
      keyword: 'enum',
      params: { allowedValues: schema54.enum },
      message: 'must be equal to one of the allowed values',
    };
    if (vErrors === null) {
      vErrors = [err1];
    } else {
      vErrors.push(err1);
    }
    errors++;
  }
  validate142.errors = vErrors;
  return errors === 0;
}
function validate140(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.inputId === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'inputId' },
        message: "must have required property '" + 'inputId' + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.status === undefined) {
      const err1 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'status' },
        message: "must have required property '" + 'status' + "'",
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === 'inputId' || key0 === 'status' || key0 === 'exclusionReason')) {
        const err2 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.inputId !== undefined) {
      if (
        !validate91(data.inputId, {
          instancePath: instancePath + '/inputId',
          parentData: data,
          parentDataProperty: 'inputId',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate91.errors : vErrors.concat(validate91.errors);
        errors = vErrors.length;
      }
    }
    if (data.status !== undefined) {
      if (
        !validate142(data.status, {
          instancePath: instancePath + '/status',
          parentData: data,
          parentDataProperty: 'status',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate142.errors : vErrors.concat(validate142.errors);
        errors = vErrors.length;
      }
    }
    if (data.exclusionReason !== undefined) {
      if (typeof data.exclusionReason !== 'string') {
        const err3 = {
          instancePath: instancePath + '/exclusionReason',
          schemaPath: '#/properties/exclusionReason/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  validate140.errors = vErrors;
  return errors === 0;
}
const pattern6 = new RegExp('^whsec_[A-Za-z0-9+/]+={0,2}$', 'u');
function validate131(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.collaborationId === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'collaborationId' },
        message: "must have required property '" + 'collaborationId' + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.clientId === undefined) {
      const err1 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'clientId' },
        message: "must have required property '" + 'clientId' + "'",
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.status === undefined) {
      const err2 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'status' },
        message: "must have required property '" + 'status' + "'",
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.joinedAt === undefined) {
      const err3 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'joinedAt' },
        message: "must have required property '" + 'joinedAt' + "'",
      };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.resultPublicKey === undefined) {
      const err4 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'resultPublicKey' },
        message: "must have required property '" + 'resultPublicKey' + "'",
      };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.computationServers === undefined) {
      const err5 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'computationServers' },
        message: "must have required property '" + 'computationServers' + "'",
      };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func2.call(schema51.properties, key0)) {
        const err6 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
        };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.collaborationId !== undefined) {
      if (
        !validate91(data.collaborationId, {
          instancePath: instancePath + '/collaborationId',
          parentData: data,
          parentDataProperty: 'collaborationId',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate91.errors : vErrors.concat(validate91.errors);
        errors = vErrors.length;
      }
    }
    if (data.clientId !== undefined) {
      if (
        !validate47(data.clientId, {
          instancePath: instancePath + '/clientId',
          parentData: data,
          parentDataProperty: 'clientId',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate47.errors : vErrors.concat(validate47.errors);
        errors = vErrors.length;
      }
    }
    if (data.status !== undefined) {
      let data2 = data.status;
      if (typeof data2 !== 'string') {
        const err7 = {
          instancePath: instancePath + '/status',
          schemaPath: '#/properties/status/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
      if (!(data2 === 'READY_FOR_INPUT' || data2 === 'INPUT_COMPLETE' || data2 === 'FINISHED')) {
        const err8 = {
          instancePath: instancePath + '/status',
          schemaPath: '#/properties/status/enum',
          keyword: 'enum',
          params: { allowedValues: schema51.properties.status.enum },
          message: 'must be equal to one of the allowed values',
        };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.joinedAt !== undefined) {
      if (
        !validate44(data.joinedAt, {
          instancePath: instancePath + '/joinedAt',
          parentData: data,
          parentDataProperty: 'joinedAt',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate44.errors : vErrors.concat(validate44.errors);
        errors = vErrors.length;
      }
    }
    if (data.finishedAt !== undefined) {
      if (
        !validate44(data.finishedAt, {
          instancePath: instancePath + '/finishedAt',
          parentData: data,
          parentDataProperty: 'finishedAt',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate44.errors : vErrors.concat(validate44.errors);
        errors = vErrors.length;
      }
    }
    if (data.resultPublicKey !== undefined) {
      if (
        !validate62(data.resultPublicKey, {
          instancePath: instancePath + '/resultPublicKey',
          parentData: data,
          parentDataProperty: 'resultPublicKey',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate62.errors : vErrors.concat(validate62.errors);
        errors = vErrors.length;
      }
    }
    if (data.webhookUrl !== undefined) {
      if (typeof data.webhookUrl !== 'string') {
        const err9 = {
          instancePath: instancePath + '/webhookUrl',
          schemaPath: '#/properties/webhookUrl/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.webhookSecret !== undefined) {
      let data7 = data.webhookSecret;
      if (typeof data7 === 'string') {
        if (!pattern6.test(data7)) {
          const err10 = {
            instancePath: instancePath + '/webhookSecret',
            schemaPath: '#/properties/webhookSecret/pattern',
            keyword: 'pattern',
            params: { pattern: '^whsec_[A-Za-z0-9+/]+={0,2}$' },
            message: 'must match pattern "' + '^whsec_[A-Za-z0-9+/]+={0,2}$' + '"',
          };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      } else {
        const err11 = {
          instancePath: instancePath + '/webhookSecret',
          schemaPath: '#/properties/webhookSecret/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.webhookDelivery !== undefined) {
      if (
        !validate137(data.webhookDelivery, {
          instancePath: instancePath + '/webhookDelivery',
          parentData: data,
          parentDataProperty: 'webhookDelivery',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate137.errors : vErrors.concat(validate137.errors);
        errors = vErrors.length;
      }
    }
    if (data.input !== undefined) {
      if (
        !validate140(data.input, {
          instancePath: instancePath + '/input',
          parentData: data,
          parentDataProperty: 'input',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate140.errors : vErrors.concat(validate140.errors);
        errors = vErrors.length;
      }
    }
    if (data.computationServers !== undefined) {
      let data10 = data.computationServers;
      if (Array.isArray(data10)) {
        if (data10.length > 2) {
          const err12 = {
            instancePath: instancePath + '/computationServers',
            schemaPath: '#/properties/computationServers/maxItems',
            keyword: 'maxItems',
            params: { limit: 2 },
            message: 'must NOT have more than 2 items',
          };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
        if (data10.length < 2) {
          const err13 = {
            instancePath: instancePath + '/computationServers',
            schemaPath: '#/properties/computationServers/minItems',
            keyword: 'minItems',
            params: { limit: 2 },
            message: 'must NOT have fewer than 2 items',
          };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
        }
        const len0 = data10.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (
            !validate82(data10[i0], {
              instancePath: instancePath + '/computationServers/' + i0,
              parentData: data10,
              parentDataProperty: i0,
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate82.errors : vErrors.concat(validate82.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err14 = {
          instancePath: instancePath + '/computationServers',
          schemaPath: '#/properties/computationServers/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
        };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
  } else {
    const err15 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err15];
    } else {
      vErrors.push(err15);
    }
    errors++;
  }
  validate131.errors = vErrors;
  return errors === 0;
}
function validate130(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  /*# sourceURL="urn:check:check11" */ let vErrors = null;
  let errors = 0;
  if (!validate131(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate131.errors : vErrors.concat(validate131.errors);
    errors = vErrors.length;
  }
  validate130.errors = vErrors;
  return errors === 0;
}
export const check12 = validate147;
const schema55 = { $ref: 'https://mpc.example/openapi/schemas#/$defs/InputUpload', $id: 'urn:check:check12' };
const schema56 = {
  type: 'object',
  additionalProperties: false,
  required: ['inputId', 'collaborationId', 'status', 'uploads'],
  properties: {
    inputId: { $ref: 'https://mpc.example/openapi/schemas#/$defs/Id' },
    collaborationId: { $ref: 'https://mpc.example/openapi/schemas#/$defs/Id' },
    status: { $ref: 'https://mpc.example/openapi/schemas#/$defs/InputStatus' },
    uploads: {
      type: 'object',
      additionalProperties: false,
      required: ['A', 'B'],
      properties: {
        A: { $ref: 'https://mpc.example/openapi/schemas#/$defs/PresignedRequest' },
        B: { $ref: 'https://mpc.example/openapi/schemas#/$defs/PresignedRequest' },
      },
    },
  },
};
const schema57 = {
  type: 'object',
  additionalProperties: false,
  required: ['method', 'url', 'headers', 'expiresAt'],
  properties: {
    method: { type: 'string', enum: ['PUT', 'GET'] },
    url: { type: 'string', format: 'uri' },
    headers: {
      description: 'Headers to send exactly as given (they are part of the signature).',
      type: 'object',
      additionalProperties: { type: 'string' },
    },
    expiresAt: { $ref: 'https://mpc.example/openapi/schemas#/$defs/Timestamp' },
  },
};
function validate152(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.method === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'method' },
        message: "must have required property '" + 'method' + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.url === undefined) {
      const err1 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'url' },
        message: "must have required property '" + 'url' + "'",
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.headers === undefined) {
      const err2 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'headers' },
        message: "must have required property '" + 'headers' + "'",
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.expiresAt === undefined) {
      const err3 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'expiresAt' },
        message: "must have required property '" + 'expiresAt' + "'",
      };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === 'method' || key0 === 'url' || key0 === 'headers' || key0 === 'expiresAt')) {
        const err4 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.method !== undefined) {
      let data0 = data.method;
      if (typeof data0 !== 'string') {
        const err5 = {
          instancePath: instancePath + '/method',
          schemaPath: '#/properties/method/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
      if (!(data0 === 'PUT' || data0 === 'GET')) {
        const err6 = {
          instancePath: instancePath + '/method',
          schemaPath: '#/properties/method/enum',
          keyword: 'enum',
          params: { allowedValues: schema57.properties.method.enum },
          message: 'must be equal to one of the allowed values',
        };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.url !== undefined) {
      let data1 = data.url;
      if (typeof data1 === 'string') {
        if (!formats2(data1)) {
          const err7 = {
            instancePath: instancePath + '/url',
            schemaPath: '#/properties/url/format',
            keyword: 'format',
            params: { format: 'uri' },
            message: 'must match format "' + 'uri' + '"',
          };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      } else {
        const err8 = {
          instancePath: instancePath + '/url',
          schemaPath: '#/properties/url/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.headers !== undefined) {
      let data2 = data.headers;
      if (data2 && typeof data2 == 'object' && !Array.isArray(data2)) {
        for (const key1 in data2) {
          if (typeof data2[key1] !== 'string') {
            const err9 = {
              instancePath: instancePath + '/headers/' + key1.replace(/~/g, '~0').replace(/\//g, '~1'),
              schemaPath: '#/properties/headers/additionalProperties/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
      } else {
        const err10 = {
          instancePath: instancePath + '/headers',
          schemaPath: '#/properties/headers/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.expiresAt !== undefined) {
      if (
        !validate44(data.expiresAt, {
          instancePath: instancePath + '/expiresAt',
          parentData: data,
          parentDataProperty: 'expiresAt',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate44.errors : vErrors.concat(validate44.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err11 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err11];
    } else {
      vErrors.push(err11);
    }
    errors++;
  }
  validate152.errors = vErrors;
  return errors === 0;
}
function validate148(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.inputId === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'inputId' },
        message: "must have required property '" + 'inputId' + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.collaborationId === undefined) {
      const err1 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'collaborationId' },
        message: "must have required property '" + 'collaborationId' + "'",
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.status === undefined) {
      const err2 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'status' },
        message: "must have required property '" + 'status' + "'",
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.uploads === undefined) {
      const err3 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'uploads' },
        message: "must have required property '" + 'uploads' + "'",
      };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === 'inputId' || key0 === 'collaborationId' || key0 === 'status' || key0 === 'uploads')) {
        const err4 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.inputId !== undefined) {
      if (
        !validate91(data.inputId, {
          instancePath: instancePath + '/inputId',
          parentData: data,
          parentDataProperty: 'inputId',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate91.errors : vErrors.concat(validate91.errors);
        errors = vErrors.length;
      }
    }
    if (data.collaborationId !== undefined) {
      if (
        !validate91(data.collaborationId, {
          instancePath: instancePath + '/collaborationId',
          parentData: data,
          parentDataProperty: 'collaborationId',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate91.errors : vErrors.concat(validate91.errors);
        errors = vErrors.length;
      }
    }
    if (data.status !== undefined) {
      if (
        !validate142(data.status, {
          instancePath: instancePath + '/status',
          parentData: data,
          parentDataProperty: 'status',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate142.errors : vErrors.concat(validate142.errors);
        errors = vErrors.length;
      }
    }
    if (data.uploads !== undefined) {
      let data3 = data.uploads;
      if (data3 && typeof data3 == 'object' && !Array.isArray(data3)) {
        if (data3.A === undefined) {
          const err5 = {
            instancePath: instancePath + '/uploads',
            schemaPath: '#/properties/uploads/required',
            keyword: 'required',
            params: { missingProperty: 'A' },
            message: "must have required property '" + 'A' + "'",
          };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
        if (data3.B === undefined) {
          const err6 = {
            instancePath: instancePath + '/uploads',
            schemaPath: '#/properties/uploads/required',
            keyword: 'required',
            params: { missingProperty: 'B' },
            message: "must have required property '" + 'B' + "'",
          };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
        for (const key1 in data3) {
          if (!(key1 === 'A' || key1 === 'B')) {
            const err7 = {
              instancePath: instancePath + '/uploads',
              schemaPath: '#/properties/uploads/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key1 },
              message: 'must NOT have additional properties',
            };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
        }
        if (data3.A !== undefined) {
          if (
            !validate152(data3.A, {
              instancePath: instancePath + '/uploads/A',
              parentData: data3,
              parentDataProperty: 'A',
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate152.errors : vErrors.concat(validate152.errors);
            errors = vErrors.length;
          }
        }
        if (data3.B !== undefined) {
          if (
            !validate152(data3.B, {
              instancePath: instancePath + '/uploads/B',
              parentData: data3,
              parentDataProperty: 'B',
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate152.errors : vErrors.concat(validate152.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err8 = {
          instancePath: instancePath + '/uploads',
          schemaPath: '#/properties/uploads/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
  } else {
    const err9 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err9];
    } else {
      vErrors.push(err9);
    }
    errors++;
  }
  validate148.errors = vErrors;
  return errors === 0;
}
function validate147(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  /*# sourceURL="urn:check:check12" */ let vErrors = null;
  let errors = 0;
  if (!validate148(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate148.errors : vErrors.concat(validate148.errors);
    errors = vErrors.length;
  }
  validate147.errors = vErrors;
  return errors === 0;
}
export const check13 = validate157;
const schema58 = { $ref: 'https://mpc.example/openapi/schemas#/$defs/Input', $id: 'urn:check:check13' };
const schema59 = {
  type: 'object',
  additionalProperties: false,
  required: ['inputId', 'collaborationId', 'status', 'createdAt'],
  properties: {
    inputId: { $ref: 'https://mpc.example/openapi/schemas#/$defs/Id' },
    collaborationId: { $ref: 'https://mpc.example/openapi/schemas#/$defs/Id' },
    status: { $ref: 'https://mpc.example/openapi/schemas#/$defs/InputStatus' },
    createdAt: { $ref: 'https://mpc.example/openapi/schemas#/$defs/Timestamp' },
    completedAt: { $ref: 'https://mpc.example/openapi/schemas#/$defs/Timestamp' },
  },
};
function validate158(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.inputId === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'inputId' },
        message: "must have required property '" + 'inputId' + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.collaborationId === undefined) {
      const err1 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'collaborationId' },
        message: "must have required property '" + 'collaborationId' + "'",
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.status === undefined) {
      const err2 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'status' },
        message: "must have required property '" + 'status' + "'",
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.createdAt === undefined) {
      const err3 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'createdAt' },
        message: "must have required property '" + 'createdAt' + "'",
      };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(
        key0 === 'inputId' ||
        key0 === 'collaborationId' ||
        key0 === 'status' ||
        key0 === 'createdAt' ||
        key0 === 'completedAt'
      )) {
        const err4 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.inputId !== undefined) {
      if (
        !validate91(data.inputId, {
          instancePath: instancePath + '/inputId',
          parentData: data,
          parentDataProperty: 'inputId',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate91.errors : vErrors.concat(validate91.errors);
        errors = vErrors.length;
      }
    }
    if (data.collaborationId !== undefined) {
      if (
        !validate91(data.collaborationId, {
          instancePath: instancePath + '/collaborationId',
          parentData: data,
          parentDataProperty: 'collaborationId',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate91.errors : vErrors.concat(validate91.errors);
        errors = vErrors.length;
      }
    }
    if (data.status !== undefined) {
      if (
        !validate142(data.status, {
          instancePath: instancePath + '/status',
          parentData: data,
          parentDataProperty: 'status',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate142.errors : vErrors.concat(validate142.errors);
        errors = vErrors.length;
      }
    }
    if (data.createdAt !== undefined) {
      if (
        !validate44(data.createdAt, {
          instancePath: instancePath + '/createdAt',
          parentData: data,
          parentDataProperty: 'createdAt',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate44.errors : vErrors.concat(validate44.errors);
        errors = vErrors.length;
      }
    }
    if (data.completedAt !== undefined) {
      if (
        !validate44(data.completedAt, {
          instancePath: instancePath + '/completedAt',
          parentData: data,
          parentDataProperty: 'completedAt',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate44.errors : vErrors.concat(validate44.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err5 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err5];
    } else {
      vErrors.push(err5);
    }
    errors++;
  }
  validate158.errors = vErrors;
  return errors === 0;
}
function validate157(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  /*# sourceURL="urn:check:check13" */ let vErrors = null;
  let errors = 0;
  if (!validate158(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate158.errors : vErrors.concat(validate158.errors);
    errors = vErrors.length;
  }
  validate157.errors = vErrors;
  return errors === 0;
}
export const check14 = validate165;
const schema60 = { $ref: 'https://mpc.example/openapi/schemas#/$defs/ResultReady', $id: 'urn:check:check14' };
const schema61 = {
  type: 'object',
  additionalProperties: false,
  required: ['collaborationId', 'status', 'shares'],
  properties: {
    collaborationId: { $ref: 'https://mpc.example/openapi/schemas#/$defs/Id' },
    status: { type: 'string', const: 'RESULT_READY' },
    jobId: {
      description: 'The computation job (attempt) that produced the result; result shares are bound to it.',
      type: 'string',
    },
    shares: {
      type: 'object',
      additionalProperties: false,
      required: ['A', 'B'],
      properties: {
        A: { $ref: 'https://mpc.example/openapi/schemas#/$defs/PresignedRequest' },
        B: { $ref: 'https://mpc.example/openapi/schemas#/$defs/PresignedRequest' },
      },
    },
  },
};
function validate166(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.collaborationId === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'collaborationId' },
        message: "must have required property '" + 'collaborationId' + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.status === undefined) {
      const err1 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'status' },
        message: "must have required property '" + 'status' + "'",
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.shares === undefined) {
      const err2 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'shares' },
        message: "must have required property '" + 'shares' + "'",
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === 'collaborationId' || key0 === 'status' || key0 === 'jobId' || key0 === 'shares')) {
        const err3 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.collaborationId !== undefined) {
      if (
        !validate91(data.collaborationId, {
          instancePath: instancePath + '/collaborationId',
          parentData: data,
          parentDataProperty: 'collaborationId',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate91.errors : vErrors.concat(validate91.errors);
        errors = vErrors.length;
      }
    }
    if (data.status !== undefined) {
      let data1 = data.status;
      if (typeof data1 !== 'string') {
        const err4 = {
          instancePath: instancePath + '/status',
          schemaPath: '#/properties/status/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
      if ('RESULT_READY' !== data1) {
        const err5 = {
          instancePath: instancePath + '/status',
          schemaPath: '#/properties/status/const',
          keyword: 'const',
          params: { allowedValue: 'RESULT_READY' },
          message: 'must be equal to constant',
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.jobId !== undefined) {
      if (typeof data.jobId !== 'string') {
        const err6 = {
          instancePath: instancePath + '/jobId',
          schemaPath: '#/properties/jobId/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.shares !== undefined) {
      let data3 = data.shares;
      if (data3 && typeof data3 == 'object' && !Array.isArray(data3)) {
        if (data3.A === undefined) {
          const err7 = {
            instancePath: instancePath + '/shares',
            schemaPath: '#/properties/shares/required',
            keyword: 'required',
            params: { missingProperty: 'A' },
            message: "must have required property '" + 'A' + "'",
          };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
        if (data3.B === undefined) {
          const err8 = {
            instancePath: instancePath + '/shares',
            schemaPath: '#/properties/shares/required',
            keyword: 'required',
            params: { missingProperty: 'B' },
            message: "must have required property '" + 'B' + "'",
          };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
        for (const key1 in data3) {
          if (!(key1 === 'A' || key1 === 'B')) {
            const err9 = {
              instancePath: instancePath + '/shares',
              schemaPath: '#/properties/shares/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key1 },
              message: 'must NOT have additional properties',
            };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
        if (data3.A !== undefined) {
          if (
            !validate152(data3.A, {
              instancePath: instancePath + '/shares/A',
              parentData: data3,
              parentDataProperty: 'A',
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate152.errors : vErrors.concat(validate152.errors);
            errors = vErrors.length;
          }
        }
        if (data3.B !== undefined) {
          if (
            !validate152(data3.B, {
              instancePath: instancePath + '/shares/B',
              parentData: data3,
              parentDataProperty: 'B',
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate152.errors : vErrors.concat(validate152.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err10 = {
          instancePath: instancePath + '/shares',
          schemaPath: '#/properties/shares/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
  } else {
    const err11 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err11];
    } else {
      vErrors.push(err11);
    }
    errors++;
  }
  validate166.errors = vErrors;
  return errors === 0;
}
function validate165(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  /*# sourceURL="urn:check:check14" */ let vErrors = null;
  let errors = 0;
  if (!validate166(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate166.errors : vErrors.concat(validate166.errors);
    errors = vErrors.length;
  }
  validate165.errors = vErrors;
  return errors === 0;
}
export const check15 = validate171;
const schema62 = {
  $ref: 'https://mpc.example/openapi/schemas#/$defs/ResultPending',
  $id: 'urn:check:check15',
};
const schema63 = {
  type: 'object',
  additionalProperties: false,
  required: ['collaborationId', 'status', 'retryAfterSeconds'],
  properties: {
    collaborationId: { $ref: 'https://mpc.example/openapi/schemas#/$defs/Id' },
    status: { type: 'string', enum: ['OPEN', 'COMPUTING'] },
    retryAfterSeconds: { type: 'integer', minimum: 1 },
  },
};
function validate172(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.collaborationId === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'collaborationId' },
        message: "must have required property '" + 'collaborationId' + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.status === undefined) {
      const err1 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'status' },
        message: "must have required property '" + 'status' + "'",
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.retryAfterSeconds === undefined) {
      const err2 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'retryAfterSeconds' },
        message: "must have required property '" + 'retryAfterSeconds' + "'",
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === 'collaborationId' || key0 === 'status' || key0 === 'retryAfterSeconds')) {
        const err3 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.collaborationId !== undefined) {
      if (
        !validate91(data.collaborationId, {
          instancePath: instancePath + '/collaborationId',
          parentData: data,
          parentDataProperty: 'collaborationId',
          rootData,
        })
      ) {
        vErrors = vErrors === null ? validate91.errors : vErrors.concat(validate91.errors);
        errors = vErrors.length;
      }
    }
    if (data.status !== undefined) {
      let data1 = data.status;
      if (typeof data1 !== 'string') {
        const err4 = {
          instancePath: instancePath + '/status',
          schemaPath: '#/properties/status/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
      if (!(data1 === 'OPEN' || data1 === 'COMPUTING')) {
        const err5 = {
          instancePath: instancePath + '/status',
          schemaPath: '#/properties/status/enum',
          keyword: 'enum',
          params: { allowedValues: schema63.properties.status.enum },
          message: 'must be equal to one of the allowed values',
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.retryAfterSeconds !== undefined) {
      let data2 = data.retryAfterSeconds;
      if (!(typeof data2 == 'number' && !(data2 % 1) && !isNaN(data2) && isFinite(data2))) {
        const err6 = {
          instancePath: instancePath + '/retryAfterSeconds',
          schemaPath: '#/properties/retryAfterSeconds/type',
          keyword: 'type',
          params: { type: 'integer' },
          message: 'must be integer',
        };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
      if (typeof data2 == 'number' && isFinite(data2)) {
        if (data2 < 1 || isNaN(data2)) {
          const err7 = {
            instancePath: instancePath + '/retryAfterSeconds',
            schemaPath: '#/properties/retryAfterSeconds/minimum',
            keyword: 'minimum',
            params: { comparison: '>=', limit: 1 },
            message: 'must be >= 1',
          };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      }
    }
  } else {
    const err8 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err8];
    } else {
      vErrors.push(err8);
    }
    errors++;
  }
  validate172.errors = vErrors;
  return errors === 0;
}
function validate171(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  /*# sourceURL="urn:check:check15" */ let vErrors = null;
  let errors = 0;
  if (!validate172(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate172.errors : vErrors.concat(validate172.errors);
    errors = vErrors.length;
  }
  validate171.errors = vErrors;
  return errors === 0;
}
