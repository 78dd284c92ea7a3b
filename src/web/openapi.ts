/** The OpenAPI 3.1 description of the JSON API, served at /api/openapi.json. */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const nullable = (type: string) => ({ type: [type, 'null'] });
const pageParams = [
  { name: 'page', in: 'query', description: 'Page number, from 1.', schema: { type: 'integer', minimum: 1, default: 1 } },
  { name: 'limit', in: 'query', description: 'Items per page.', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
];
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };
const list = (item: string) => ({
  type: 'object',
  required: ['items', 'next'],
  properties: {
    items: { type: 'array', items: ref(item) },
    next: { ...nullable('string'), description: 'Address of the next page, null on the last one.' },
  },
});
const json = (schema: object, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), json(ref('Error'), ERROR_TEXT[c] ?? 'Error')]));
const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid input; the message names each bad field.',
  401: 'Storing without the right admin token.',
  403: 'Forbidden: storing disabled, or a URL leading to a loopback, private or link-local address.',
  404: 'No such item.',
  413: 'Request body over 1 MB.',
  415: 'Body is not JSON.',
  422: 'The fetched page holds no article text.',
  502: 'The URL could not be fetched.',
};

const span = { type: 'object', required: ['start', 'end', 'text'], properties: { start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' } } };

export function openApiDocument(): object {
  return {
    openapi: '3.1.0',
    info: {
      title: 'onrecord',
      version: '1',
      description: 'Who said what in the news: articles, their quotes and speakers, and the people on record.',
    },
    paths: {
      '/api/articles': {
        get: {
          summary: 'Articles, newest first',
          parameters: [...pageParams, { name: 'outlet', in: 'query', description: 'Part of the outlet name.', schema: { type: 'string' } }],
          responses: { '200': json(list('ArticleSummary'), 'A page of articles'), ...errors(400) },
        },
      },
      '/api/articles/{id}': {
        get: {
          summary: 'One article with its text, quotes (character offsets into the text) and people',
          parameters: [idParam],
          responses: { '200': json(ref('ArticleDetail'), 'The article'), ...errors(400, 404) },
        },
      },
      '/api/quotes': {
        get: {
          summary: 'Search quotations: full text over quote and speaker, with filters',
          parameters: [
            { name: 'q', in: 'query', description: 'Words or "a phrase"; none lists the latest quotations.', schema: { type: 'string' } },
            { name: 'speaker', in: 'query', description: 'Speaker name.', schema: { type: 'string' } },
            { name: 'outlet', in: 'query', description: 'Part of the outlet name.', schema: { type: 'string' } },
            { name: 'since', in: 'query', description: 'Published on or after (YYYY-MM-DD).', schema: { type: 'string', format: 'date' } },
            { name: 'until', in: 'query', description: 'Published on or before (YYYY-MM-DD).', schema: { type: 'string', format: 'date' } },
            ...pageParams,
          ],
          responses: { '200': json(list('SearchHit'), 'A page of quotations, best match first'), ...errors(400) },
        },
      },
      '/api/people': {
        get: {
          summary: 'People, most quoted first',
          parameters: [...pageParams, { name: 'kind', in: 'query', schema: { type: 'string', enum: ['person', 'org', 'description'] } }],
          responses: { '200': json(list('PersonSummary'), 'A page of people'), ...errors(400) },
        },
      },
      '/api/people/{id}': {
        get: {
          summary: 'One person: names, descriptors, outlets, quotes per day and a page of their quotes (newest first)',
          parameters: [idParam, ...pageParams],
          responses: { '200': json(ref('PersonDetail'), 'The person'), ...errors(400, 404) },
        },
      },
      '/api/analyze': {
        post: {
          summary: 'Extract the quotes of a text, or of the page at a URL; stored only with "store": true and the admin token',
          description:
            'Give exactly one of "text" and "url". URLs leading to loopback, private or link-local addresses are refused unless the server runs with --allow-private. Storing needs "Authorization: Bearer TOKEN" with the server\'s --admin-token.',
          security: [{}, { adminToken: [] }],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  properties: {
                    text: { type: 'string', minLength: 1 },
                    url: { type: 'string', format: 'uri', maxLength: 2048 },
                    title: { type: 'string', maxLength: 500 },
                    outlet: { type: 'string', maxLength: 200 },
                    published: { type: 'string', format: 'date' },
                    store: { type: 'boolean', default: false },
                  },
                },
              },
            },
          },
          responses: { '200': json(ref('AnalyzeResult'), 'The article and what was extracted from it'), ...errors(400, 401, 403, 413, 415, 422, 502) },
        },
      },
      '/api/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1 document' } } } },
    },
    components: {
      securitySchemes: { adminToken: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['status', 'message'],
              properties: {
                status: { type: 'integer' },
                message: { type: 'string' },
                issues: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
              },
            },
          },
        },
        Span: span,
        Quote: {
          type: 'object',
          required: ['type', 'start', 'end', 'text', 'speaker', 'cue', 'confidence'],
          properties: {
            type: { type: 'string', enum: ['direct', 'mixed', 'indirect'] },
            start: { type: 'integer' },
            end: { type: 'integer' },
            text: { type: 'string' },
            speaker: {
              type: 'object',
              properties: { name: nullable('string'), entity: nullable('string'), mention: { oneOf: [ref('Span'), { type: 'null' }] } },
            },
            cue: { oneOf: [ref('Span'), { type: 'null' }] },
            confidence: { type: 'number' },
            segments: { type: 'array', items: ref('Span') },
            addressee: {
              type: 'object',
              description: 'To whom it was said, when the text names it: the entity addressed, or the words naming the addressee.',
              properties: { name: { type: 'string' }, entity: nullable('string'), mention: ref('Span') },
            },
            when: {
              description: 'When it was said, when the attribution names it; resolved is ISO 8601 (day, month, year or interval), null without a publication date.',
              allOf: [ref('Span'), { type: 'object', properties: { resolved: nullable('string') } }],
            },
          },
        },
        StoredQuote: {
          allOf: [
            ref('Quote'),
            { type: 'object', properties: { id: { type: 'integer' }, quotationId: { type: 'integer' }, personId: nullable('integer'), speakerLabel: nullable('string') } },
          ],
        },
        Person: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            name: { type: 'string' },
            kind: { type: 'string', enum: ['person', 'org', 'description'] },
            gender: { type: 'string', enum: ['m', 'f'] },
            descriptors: { type: 'array', items: { type: 'string' } },
            mentions: { type: 'array', items: ref('Span') },
          },
        },
        ArticleSummary: {
          type: 'object',
          properties: {
            id: { type: 'integer' },
            title: nullable('string'),
            outlet: nullable('string'),
            byline: nullable('string'),
            published: nullable('string'),
            url: nullable('string'),
            quoteCount: { type: 'integer' },
          },
        },
        ArticleDetail: {
          allOf: [
            ref('ArticleSummary'),
            {
              type: 'object',
              properties: {
                text: { type: 'string' },
                quotes: { type: 'array', items: ref('StoredQuote') },
                people: { type: 'array', items: { allOf: [ref('Person'), { type: 'object', properties: { personId: nullable('integer') } }] } },
              },
            },
          ],
        },
        Appearance: {
          type: 'object',
          properties: {
            quoteId: { type: 'integer' },
            articleId: { type: 'integer' },
            url: nullable('string'),
            title: nullable('string'),
            outlet: nullable('string'),
            published: nullable('string'),
            text: { type: 'string' },
            type: { type: 'string' },
            speaker: nullable('string'),
            cue: nullable('string'),
          },
        },
        SearchHit: {
          type: 'object',
          properties: {
            quotationId: { type: 'integer' },
            text: { type: 'string' },
            speaker: nullable('string'),
            personId: nullable('integer'),
            type: { type: 'string' },
            first: ref('Appearance'),
            appearances: { type: 'array', items: ref('Appearance') },
            totalAppearances: { type: 'integer' },
          },
        },
        CountedValue: { type: 'object', properties: { value: { type: 'string' }, count: { type: 'integer' } } },
        PersonSummary: {
          type: 'object',
          properties: {
            id: { type: 'integer' },
            name: { type: 'string' },
            kind: { type: 'string' },
            quotes: { type: 'integer' },
            articles: { type: 'integer' },
            firstQuoted: nullable('string'),
            lastQuoted: nullable('string'),
          },
        },
        PersonQuote: {
          type: 'object',
          properties: {
            quoteId: { type: 'integer' },
            quotationId: { type: 'integer' },
            articleId: { type: 'integer' },
            text: { type: 'string' },
            type: { type: 'string' },
            cue: nullable('string'),
            addressee: nullable('string'),
            when: { oneOf: [{ type: 'object', properties: { text: { type: 'string' }, resolved: nullable('string') } }, { type: 'null' }] },
            confidence: { type: 'number' },
            published: nullable('string'),
            outlet: nullable('string'),
            title: nullable('string'),
            url: nullable('string'),
          },
        },
        PersonDetail: {
          allOf: [
            ref('PersonSummary'),
            {
              type: 'object',
              properties: {
                aliases: { type: 'array', items: ref('CountedValue') },
                descriptors: { type: 'array', items: ref('CountedValue') },
                outlets: { type: 'array', items: ref('CountedValue') },
                quotesPerDay: { type: 'array', items: { type: 'object', properties: { day: { type: 'string', format: 'date' }, count: { type: 'integer' } } } },
                quotes: list('PersonQuote'),
              },
            },
          ],
        },
        AnalyzeResult: {
          type: 'object',
          properties: {
            article: {
              type: 'object',
              properties: { title: nullable('string'), url: nullable('string'), outlet: nullable('string'), byline: nullable('string'), published: nullable('string'), text: { type: 'string' } },
            },
            quotes: { type: 'array', items: ref('Quote') },
            people: { type: 'array', items: ref('Person') },
            stored: { oneOf: [{ type: 'null' }, { type: 'object', properties: { articleId: { type: 'integer' }, added: { type: 'boolean' } } }] },
          },
        },
      },
    },
  };
}
